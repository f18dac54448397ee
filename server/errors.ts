import type { TRPC_ERROR_CODE_KEY } from '@trpc/server/rpc';

/** Every domain refusal: its tRPC code and the German sentence a person reads. */
const catalogue = {
  INVALID_INPUT: { trpc: 'BAD_REQUEST', message: 'Bitte prüfen Sie die markierten Eingaben.' },
  BOOKING_CONFLICT: {
    trpc: 'CONFLICT',
    message:
      'Das Fahrzeug ist in diesem Zeitraum bereits gebucht (einschließlich Pufferzeit). Bitte wählen Sie eine andere Zeit oder ein anderes Fahrzeug.',
  },
  VEHICLE_NOT_BOOKABLE: {
    trpc: 'PRECONDITION_FAILED',
    message: 'Dieses Fahrzeug ist derzeit außer Betrieb und kann nicht gebucht werden.',
  },
  BOOKING_NOT_FOUND: { trpc: 'NOT_FOUND', message: 'Diese Buchung gibt es nicht (mehr).' },
  BOOKING_NOT_CANCELLABLE: {
    trpc: 'PRECONDITION_FAILED',
    message: 'Nur reservierte Buchungen, die noch nicht begonnen haben, können storniert werden.',
  },
  UNAUTHENTICATED: { trpc: 'UNAUTHORIZED', message: 'Bitte melden Sie sich an.' },
  // Telematics: keys, relay commands, gateways and boxes.
  BOOKING_NOT_YOURS: { trpc: 'FORBIDDEN', message: 'Das ist nicht Ihre Buchung.' },
  BOOKING_NOT_OPEN: {
    trpc: 'PRECONDITION_FAILED',
    message: 'Diese Buchung ist storniert oder abgeschlossen; das Fahrzeug lässt sich damit nicht bedienen.',
  },
  KEY_NOT_YET_VALID: {
    trpc: 'PRECONDITION_FAILED',
    message: 'Der digitale Schlüssel gilt erst ab 10 Minuten vor Beginn der Buchung.',
  },
  KEY_EXPIRED: {
    trpc: 'PRECONDITION_FAILED',
    message: 'Die Buchungszeit ist vorbei; der digitale Schlüssel gilt nicht mehr.',
  },
  BOX_NOT_FOUND: { trpc: 'NOT_FOUND', message: 'Für dieses Fahrzeug ist keine Telematikbox eingerichtet.' },
  BOX_ALREADY_PROVISIONED: {
    trpc: 'CONFLICT',
    message:
      'Dieses Fahrzeug, diese Box-ID oder diese Bluetooth-Adresse ist bereits einer Telematikbox zugeordnet.',
  },
  BOX_MISMATCH: { trpc: 'BAD_REQUEST', message: 'Die Box in Reichweite ist nicht die des Auftrags.' },
  FRAME_MALFORMED: { trpc: 'BAD_REQUEST', message: 'Die Daten der Box sind unvollständig oder beschädigt.' },
  JOB_NOT_FOUND: { trpc: 'NOT_FOUND', message: 'Diesen Auftrag gibt es nicht.' },
  JOB_EXPIRED: {
    trpc: 'PRECONDITION_FAILED',
    message: 'Der Auftrag ist abgelaufen oder wurde abgebrochen. Bitte erneut versuchen.',
  },
  GATEWAY_UNAUTHORIZED: { trpc: 'UNAUTHORIZED', message: 'Gateway unbekannt oder gesperrt.' },
  GATEWAY_NOT_FOUND: { trpc: 'NOT_FOUND', message: 'Dieses Gateway gibt es nicht.' },
  GATEWAY_NAME_TAKEN: {
    trpc: 'CONFLICT',
    message: 'An dieser Station gibt es bereits ein Gateway mit diesem Namen.',
  },
  STATION_NOT_FOUND: { trpc: 'NOT_FOUND', message: 'Diese Station gibt es nicht.' },
  VEHICLE_NOT_FOUND: { trpc: 'NOT_FOUND', message: 'Dieses Fahrzeug gibt es nicht.' },
  OTHER_MUNICIPALITY: {
    trpc: 'FORBIDDEN',
    message: 'Das gehört zu einer anderen Kommune; dafür fehlt Ihnen die Berechtigung.',
  },
  FORBIDDEN_ROLE: { trpc: 'FORBIDDEN', message: 'Dafür fehlt Ihnen die Berechtigung.' },
} as const satisfies Record<string, { trpc: TRPC_ERROR_CODE_KEY; message: string }>;

export type AppErrorCode = keyof typeof catalogue;

/** Field-level problems, keyed by input field, in the shape zod's flatten gives. */
export type FieldErrors = Record<string, string[]>;

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly fieldErrors: FieldErrors | undefined;

  constructor(code: AppErrorCode, options: { fieldErrors?: FieldErrors; cause?: unknown } = {}) {
    super(catalogue[code].message, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.fieldErrors = options.fieldErrors;
  }

  get trpcCode(): TRPC_ERROR_CODE_KEY {
    return catalogue[this.code].trpc;
  }
}

export const invalidInput = (fieldErrors: FieldErrors) => new AppError('INVALID_INPUT', { fieldErrors });

/** The SQLSTATE of a database error, looking through the wrappers drizzle and drivers add. */
export function sqlState(error: unknown): string | undefined {
  for (let current = error; current instanceof Object; current = (current as { cause?: unknown }).cause) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}
