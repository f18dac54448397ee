import { deManage } from './de-manage';
import { deStaff } from './de-staff';

/** Every German text of the UI, in one place for the server: a later English or Sorbian file has the same keys. */
export const de = { ...deStaff, ...deManage };

/** The shape every language's file has (en.ts). */
export type Messages = typeof de;
