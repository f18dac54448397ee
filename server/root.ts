import 'server-only';
import { auditRouter } from './audit/router';
import { authRouter } from './auth/router';
import { blocksRouter } from './bookings/blocks-router';
import { fleetCalendarRouter } from './bookings/fleet-calendar-router';
import { bookingsRouter, policiesRouter } from './bookings/router';
import { calendarRouter } from './calendar/router';
import { inspectionsRouter } from './compliance/inspections-router';
import { damageRouter, logbookRouter } from './damage/router';
import { stationsRouter, vehiclesRouter } from './fleet/router';
import { timelineRouter } from './fleet/timeline-router';
import { instructionsRouter } from './people/instructions-router';
import { licenceChecksRouter } from './people/licence-checks-router';
import { accountRouter, peopleRouter } from './people/router';
import { privacyRouter } from './privacy/router';
import { regionRouter } from './region/router';
import { reportsRouter } from './reports/router';
import { ssoRouter } from './sso/router';
import { gatewayRouter } from './telematics/gateway-router';
import { telematicsRouter } from './telematics/router';
import { createCallerFactory, router } from './trpc';

export const appRouter = router({
  account: accountRouter,
  audit: auditRouter,
  auth: authRouter,
  blocks: blocksRouter,
  bookings: bookingsRouter,
  calendar: calendarRouter,
  damage: damageRouter,
  fleetCalendar: fleetCalendarRouter,
  gateway: gatewayRouter,
  inspections: inspectionsRouter,
  instructions: instructionsRouter,
  licenceChecks: licenceChecksRouter,
  logbook: logbookRouter,
  people: peopleRouter,
  policies: policiesRouter,
  privacy: privacyRouter,
  region: regionRouter,
  reports: reportsRouter,
  sso: ssoRouter,
  stations: stationsRouter,
  telematics: telematicsRouter,
  timeline: timelineRouter,
  vehicles: vehiclesRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
