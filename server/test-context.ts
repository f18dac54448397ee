import type { Db } from '@/db/client';
import type { SessionUser } from './auth/queries';
import { env } from './env';
import { logger } from './logger';
import type { Settings } from './settings';
import type { Context } from './trpc';

/** The settings tests run with: the environment's zone and address, the region file's names. */
const testSettings: Settings = {
  timeZone: env().TIME_ZONE,
  appUrl: env().APP_URL,
  productName: 'ParthelandMobil',
  operatorName: 'Betreibergesellschaft Partheland mbH',
  map: { provider: 'offline' },
};

/** A request's context as createContext makes it, for callers in tests and benches. */
export const testContext = (
  db: Db,
  user: SessionUser | null,
  authorization: string | null = null,
): Context => ({
  db,
  user,
  language: user?.language ?? 'de',
  authorization,
  log: logger,
  settings: testSettings,
});
