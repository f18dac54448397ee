import type { ErrorEntries } from './errors';

/** Refusals of the compliance records (licence checks, UVV). */
export const complianceErrors = {
  INSPECTION_BLOCK_OVERLAPS: {
    trpc: 'CONFLICT',
    de: 'Das Fahrzeug hat ab dem Fälligkeitstag bereits eine andere Sperrzeit. Bitte diese unter „Sperrzeiten“ beenden oder verschieben und die Prüfung dann erfassen.',
    en: 'The car already has another blocked period from the due date. Please end or move it under “Blocks”, then record the inspection.',
  },
} as const satisfies ErrorEntries;
