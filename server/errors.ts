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
  UNAUTHENTICATED: { trpc: 'UNAUTHORIZED', message: 'Bitte melden Sie sich an.' },
  // Booking engine: the message of these comes from the rule that refused.
  TRANSITION_REFUSED: {
    trpc: 'PRECONDITION_FAILED',
    message: 'Dieser Schritt ist für die Buchung nicht möglich.',
  },
  POLICY_VIOLATION: {
    trpc: 'PRECONDITION_FAILED',
    message: 'Die Buchungsregeln erlauben diese Buchung nicht.',
  },
  BLOCK_AFFECTS_BOOKINGS: { trpc: 'CONFLICT', message: 'Die Sperrzeit betrifft bestehende Buchungen.' },
  BLOCK_NOT_FOUND: { trpc: 'NOT_FOUND', message: 'Diese Sperrzeit gibt es nicht.' },
  VEHICLE_ON_TRIP: {
    trpc: 'PRECONDITION_FAILED',
    message: 'Das Fahrzeug ist in dieser Zeit unterwegs oder war es; die Sperrzeit muss danach beginnen.',
  },
  SERIES_CONFLICTS: { trpc: 'CONFLICT', message: 'Nicht alle Termine der Serie sind möglich.' },
  SERIES_NOT_FOUND: { trpc: 'NOT_FOUND', message: 'Diese Serienbuchung gibt es nicht.' },
  LICENCE_CHECK_EXPIRED: {
    trpc: 'FORBIDDEN',
    message: 'Führerscheinkontrolle abgelaufen – bitte beim Fuhrpark melden',
  },
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
  // Reports: settlement months are frozen once, in order, after they ended.
  SETTLEMENT_FROZEN: {
    trpc: 'CONFLICT',
    message: 'Dieser Monat ist bereits abgerechnet; Korrekturen erscheinen im nächsten offenen Monat.',
  },
  SETTLEMENT_MONTH_OPEN: { trpc: 'PRECONDITION_FAILED', message: 'Dieser Monat ist noch nicht vorbei.' },
  SETTLEMENT_OUT_OF_ORDER: {
    trpc: 'PRECONDITION_FAILED',
    message: 'Monate werden der Reihe nach abgerechnet; bitte zuerst den Monat davor abschließen.',
  },
  FORBIDDEN_ROLE: { trpc: 'FORBIDDEN', message: 'Dafür fehlt Ihnen die Berechtigung.' },
  // The demo's car simulator (server/demo): only where the embedded demo runs its own gateways.
  DEMO_NOT_RUNNING: {
    trpc: 'FORBIDDEN',
    message: 'Den Fahrzeugsimulator gibt es nur in der Demo (mit der eingebetteten Datenbank).',
  },
  DEMO_CAR_NOT_SIMULATED: { trpc: 'NOT_FOUND', message: 'Dieses Fahrzeug wird in der Demo nicht simuliert.' },
  DEMO_CAR_LOCKED: {
    trpc: 'PRECONDITION_FAILED',
    message: 'Das Fahrzeug ist verriegelt. Bitte zuerst entriegeln.',
  },
  DEMO_IGNITION_ON: { trpc: 'PRECONDITION_FAILED', message: 'Bitte zuerst die Zündung ausschalten.' },
  DEMO_BATTERY_EMPTY: { trpc: 'PRECONDITION_FAILED', message: 'Der Akku ist leer. Bitte zuerst laden.' },
  DEMO_BOOKING_TIME_UP: {
    trpc: 'PRECONDITION_FAILED',
    message:
      'Dafür reicht die Buchungszeit nicht mehr: Die simulierte Zeit liefe über das Ende Ihres Schlüssels hinaus.',
  },
} as const satisfies Record<string, { trpc: TRPC_ERROR_CODE_KEY; message: string }>;

export type AppErrorCode = keyof typeof catalogue;

/** Field-level problems, keyed by input field, in the shape zod's flatten gives. */
export type FieldErrors = Record<string, string[]>;

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly fieldErrors: FieldErrors | undefined;
  /** Structured facts for the client beside the sentence: the rules broken, the conflicts found. */
  readonly details: unknown;

  /** `message` overrides the catalogue's sentence where a rule names its own (a policy's limit). */
  constructor(
    code: AppErrorCode,
    options: { fieldErrors?: FieldErrors; cause?: unknown; message?: string; details?: unknown } = {},
  ) {
    super(options.message ?? catalogue[code].message, { cause: options.cause });
    this.details = options.details;
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
