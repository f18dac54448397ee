import type { ErrorEntries } from './errors';

/** Boxes, gateways and the fleet CA rotation (the operator's pages under /fuhrpark/boxen). */
export const boxErrors = {
  CA_ROTATION_RUNNING: {
    trpc: 'CONFLICT',
    de: 'Ein Schlüsselwechsel läuft bereits. Bitte erst abschließen.',
    en: 'A key rotation is already under way. Please finish it first.',
  },
  CA_ROTATION_NOT_RUNNING: {
    trpc: 'PRECONDITION_FAILED',
    de: 'Es läuft kein Schlüsselwechsel.',
    en: 'No key rotation is under way.',
  },
  // How many boxes are missing is on the page beside the button; the sentence stays general.
  CA_ROTATION_INCOMPLETE: {
    trpc: 'PRECONDITION_FAILED',
    de: 'Noch nicht jede Box hat den neuen Schlüssel bestätigt; der alte bleibt gültig, bis alle ihn haben.',
    en: 'Not every box has confirmed the new key yet; the old one stays valid until all have it.',
  },
  CA_GENERATION_CHANGED: {
    trpc: 'CONFLICT',
    de: 'Der Schlüsselwechsel hat sich inzwischen geändert (etwa in einem anderen Fenster). Bitte die Seite neu laden.',
    en: 'The key rotation has changed meanwhile (perhaps in another window). Please reload the page.',
  },
  CA_KEY_UNAVAILABLE: {
    trpc: 'INTERNAL_SERVER_ERROR',
    de: 'Der Schlüssel dieser CA-Generation liegt auf diesem Server nicht vor (FLEET_CA_NEXT_SEEDS prüfen).',
    en: 'This server does not hold the key of this CA generation (check FLEET_CA_NEXT_SEEDS).',
  },
  BOX_TRUSTS_NO_KEY: {
    trpc: 'PRECONDITION_FAILED',
    de: 'Diese Box vertraut keinem gültigen Flottenschlüssel mehr; sie muss neu eingerichtet werden.',
    en: 'This box no longer trusts any valid fleet key; it must be provisioned again.',
  },
} as const satisfies ErrorEntries;
