import type { Messages } from './de';
import { enManage } from './en-manage';
import { enStaff } from './en-staff';

/** Every English text of the UI, with the keys of de.ts. */
export const en: Messages = { ...enStaff, ...enManage };
