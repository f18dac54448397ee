import { z } from 'zod';
import { fleetManagerProcedure, router } from '../trpc';
import { singleLineText } from '../validation';
import { AUDIT_PAGE, readAudit } from './queries';

export const auditRouter = router({
  list: fleetManagerProcedure
    .input(
      z.object({
        municipalityId: z.uuid().optional(),
        objectType: singleLineText({ min: 1, max: 40 }).optional(),
        objectId: singleLineText({ min: 1, max: 80 }).optional(),
        beforeSeq: z.number().int().positive().optional(),
      }),
    )
    .query(({ ctx, input }) => readAudit(ctx.db, ctx.user, { ...input, limit: AUDIT_PAGE })),
});
