import { z } from 'zod';
import { complianceFieldTexts } from '../messages/fields-compliance';
import { fleetManagerProcedure, router } from '../trpc';
import { singleLineText } from '../validation';
import { licenceHistory, licenceOverview, recordLicenceCheck } from './licence-checks';
import { licenceClasses } from './licence-rules';

const personInput = z.object({ userId: z.uuid() });

export const licenceCheckInput = personInput.extend({
  checkedOn: z.iso.date(),
  checkedByName: singleLineText({ max: 120 }).default(''),
  classes: z
    .array(z.enum(licenceClasses))
    .min(1, { error: () => complianceFieldTexts().licenceClasses })
    .max(licenceClasses.length),
  cardExpiresOn: z.iso.date().nullable(),
  restrictions: singleLineText({ max: 200 }).default(''),
});

export const licenceChecksRouter = router({
  overview: fleetManagerProcedure.query(({ ctx }) =>
    licenceOverview(ctx.db, ctx.user, ctx.settings.timeZone),
  ),
  history: fleetManagerProcedure
    .input(personInput)
    .query(({ ctx, input }) => licenceHistory(ctx.db, ctx.user, input.userId)),
  record: fleetManagerProcedure
    .input(licenceCheckInput)
    .mutation(({ ctx, input }) => recordLicenceCheck(ctx.db, ctx.user, input, ctx.settings.timeZone)),
});
