import type { ErrorEntries } from './errors';

/** Refusals of the audit log's export. */
export const auditErrors = {
  AUDIT_EXPORT_TOO_LARGE: {
    trpc: 'PAYLOAD_TOO_LARGE',
    de: 'Das Protokoll hat in diesem Zeitraum zu viele Einträge für eine Datei. Bitte einen kürzeren Zeitraum wählen.',
    en: 'The log has too many entries in this period for one file. Please choose a shorter period.',
  },
} as const satisfies ErrorEntries;
