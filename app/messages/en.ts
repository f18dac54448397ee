import type { Messages } from './de';
import { de } from './de';

/** Every English text of the UI, with the keys of de.ts. */
export const en: Messages = de;
