import { authRouter } from './auth/router';
import { bookingsRouter } from './bookings/router';
import { stationsRouter, vehiclesRouter } from './fleet/router';
import { regionRouter } from './region/router';
import { createCallerFactory, router } from './trpc';

export const appRouter = router({
  auth: authRouter,
  bookings: bookingsRouter,
  region: regionRouter,
  stations: stationsRouter,
  vehicles: vehiclesRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
