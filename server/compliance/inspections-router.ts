import { z } from 'zod';
import { complianceFieldTexts } from '../messages/fields-compliance';
import { fleetManagerProcedure, router } from '../trpc';
import { multiLineText, singleLineText } from '../validation';
import { inspectionHistory, inspectionOverview, recordInspection } from './inspections';

const vehicleInput = z.object({ vehicleId: z.uuid() });

export const inspectionsRouter = router({
  overview: fleetManagerProcedure.query(({ ctx }) =>
    inspectionOverview(ctx.db, ctx.user, ctx.settings.timeZone),
  ),
  history: fleetManagerProcedure
    .input(vehicleInput)
    .query(({ ctx, input }) => inspectionHistory(ctx.db, ctx.user, input.vehicleId)),
  record: fleetManagerProcedure
    .input(
      vehicleInput.extend({
        inspectedOn: z.iso.date(),
        inspector: singleLineText({ min: 2, max: 120 }),
        result: z.enum(['passed', 'passed_with_defects', 'failed'], {
          error: () => complianceFieldTexts().inspectionResult,
        }),
        defects: multiLineText({ max: 2000 }).default(''),
      }),
    )
    .mutation(({ ctx, input }) => recordInspection(ctx.db, ctx.user, input, ctx.settings.timeZone)),
});
