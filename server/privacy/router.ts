import { z } from 'zod';
import { fieldTexts } from '../messages/fields';
import { fleetManagerProcedure, router, staffProcedure } from '../trpc';
import { multiLineText } from '../validation';
import { LONGEST_LOOKUP_DAYS, lookupPurposes } from './rules';
import { lookUpTrips, lookupCandidates, lookupsOfMe, myTrips } from './service';

const localDate = z.iso.date();

export const privacyRouter = router({
  myTrips: staffProcedure.query(({ ctx }) => myTrips(ctx.db, ctx.user)),
  myLookups: staffProcedure.query(({ ctx }) => lookupsOfMe(ctx.db, ctx.user)),
  people: fleetManagerProcedure.query(({ ctx }) => lookupCandidates(ctx.db, ctx.user)),
  /** A mutation: every lookup writes the access log. */
  lookUpTrips: fleetManagerProcedure
    .input(
      z
        .object({
          userId: z.uuid(),
          purpose: z.enum(lookupPurposes),
          reason: multiLineText({ min: 10, max: 500 }),
          from: localDate,
          to: localDate,
        })
        .refine((lookup) => lookup.to > lookup.from, {
          path: ['to'],
          error: () => fieldTexts().periodEndAfterStart,
        })
        .refine(
          (lookup) => Date.parse(lookup.to) - Date.parse(lookup.from) <= LONGEST_LOOKUP_DAYS * 86_400_000,
          {
            path: ['to'],
            error: () => fieldTexts().lookupAtMost(LONGEST_LOOKUP_DAYS),
          },
        ),
    )
    .mutation(({ ctx, input }) => lookUpTrips(ctx.db, ctx.user, input, ctx.settings.timeZone)),
});
