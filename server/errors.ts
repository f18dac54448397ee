import type { TRPC_ERROR_CODE_KEY } from '@trpc/server/rpc';
import type { BookingInTheWay } from './bookings/blocks';
import type { PolicyRule } from './bookings/policy';
import type { SeriesConflict } from './bookings/series';

/** Declares in the table what a code's `details` carry (a type only; no value is kept). */
const carries = <T>(): { readonly detailsType?: T } => ({});

/** Every domain refusal: its tRPC code, the German sentence a person reads, and its details' type if any. */
const catalogue = {
  INVALID_INPUT: { trpc: 'BAD_REQUEST', message: 'Bitte prüfen Sie die markierten Eingaben.' },
  // The HTTP API itself (server/http): requests refused before any procedure runs.
  FOREIGN_ORIGIN: {
    trpc: 'FORBIDDEN',
    message: 'Diese Anfrage kam nicht von dieser Anwendung selbst und wurde abgewiesen.',
  },
  UNSUPPORTED_MEDIA_TYPE: { trpc: 'UNSUPPORTED_MEDIA_TYPE', message: 'Die Schnittstelle nimmt nur JSON an.' },
  REQUEST_TOO_LARGE: { trpc: 'PAYLOAD_TOO_LARGE', message: 'Die Anfrage ist zu groß.' },
  BATCH_TOO_LARGE: { trpc: 'BAD_REQUEST', message: 'Die Anfrage enthält zu viele Aufrufe auf einmal.' },
  MALFORMED_REQUEST: { trpc: 'BAD_REQUEST', message: 'Die Anfrage ist fehlerhaft aufgebaut.' },
  UNKNOWN_PROCEDURE: { trpc: 'NOT_FOUND', message: 'Diese Schnittstelle gibt es nicht.' },
  METHOD_NOT_ALLOWED: {
    trpc: 'METHOD_NOT_SUPPORTED',
    message: 'Diese Schnittstelle ist mit dieser Anfragemethode nicht aufrufbar.',
  },
  REQUEST_REFUSED: { trpc: 'BAD_REQUEST', message: 'Die Anfrage konnte nicht bearbeitet werden.' },
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
  /** A new end the rules do not allow (too short, in the past); the message names the rule. */
  END_NOT_POSSIBLE: { trpc: 'BAD_REQUEST', message: 'Dieses Ende ist für die Buchung nicht möglich.' },
  TRANSITION_REFUSED: {
    trpc: 'PRECONDITION_FAILED',
    message: 'Dieser Schritt ist für die Buchung nicht möglich.',
  },
  POLICY_VIOLATION: {
    trpc: 'PRECONDITION_FAILED',
    message: 'Die Buchungsregeln erlauben diese Buchung nicht.',
    details: carries<{ rules: PolicyRule[] }>(),
  },
  BLOCK_AFFECTS_BOOKINGS: {
    trpc: 'CONFLICT',
    message: 'Die Sperrzeit betrifft bestehende Buchungen.',
    details: carries<{ bookings: BookingInTheWay[] }>(),
  },
  BLOCK_NOT_FOUND: { trpc: 'NOT_FOUND', message: 'Diese Sperrzeit gibt es nicht.' },
  VEHICLE_ON_TRIP: {
    trpc: 'PRECONDITION_FAILED',
    message: 'Das Fahrzeug ist in dieser Zeit unterwegs oder war es; die Sperrzeit muss danach beginnen.',
  },
  SERIES_CONFLICTS: {
    trpc: 'CONFLICT',
    message: 'Nicht alle Termine der Serie sind möglich.',
    details: carries<{ conflicts: SeriesConflict[] }>(),
  },
  SERIES_NOT_FOUND: { trpc: 'NOT_FOUND', message: 'Diese Serienbuchung gibt es nicht.' },
  LICENCE_CHECK_EXPIRED: {
    trpc: 'FORBIDDEN',
    message: 'Führerscheinkontrolle abgelaufen – bitte beim Fuhrpark melden',
  },
  // Telematics: keys, relay commands, gateways and boxes.
  BOOKING_NOT_OPEN: {
    trpc: 'PRECONDITION_FAILED',
    message: 'Diese Buchung ist storniert oder abgeschlossen; das Fahrzeug lässt sich damit nicht bedienen.',
  },
  BOOKING_NOT_STARTED: {
    trpc: 'PRECONDITION_FAILED',
    message:
      'Die Fahrt hat noch nicht begonnen: Das Fahrzeug wurde mit dieser Buchung noch nicht entriegelt. Beenden geht erst danach.',
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
  RESPONSE_MISMATCH: {
    trpc: 'BAD_REQUEST',
    message: 'Diese Antwort der Box gehört nicht zu diesem Auftrag; er bleibt offen.',
  },
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
  // Report exports (server/reports/exports): files under /api/berichte.
  EXPORT_NOT_FOUND: { trpc: 'NOT_FOUND', message: 'Diesen Export gibt es nicht.' },
  INVOICE_NOT_FOUND: {
    trpc: 'NOT_FOUND',
    message: 'Für dieses Paar von Kommunen gibt es in diesem Monat keinen offenen Betrag und keine Rechnung.',
  },
  ACCOUNTING_DATA_MISSING: {
    trpc: 'PRECONDITION_FAILED',
    message:
      'Für die Rechnung fehlen Abrechnungsdaten (Anschrift, Leitweg-ID, Bankverbindung) einer der beiden Kommunen.',
  },
  SETTLEMENT_TARIFF_MISSING: {
    trpc: 'PRECONDITION_FAILED',
    message:
      'Für Buchungen dieses Monats fehlt ein gültiger Tarif der Eigentümerkommune. Bitte zuerst den Tarif ab einem Datum vor diesen Buchungen hinterlegen.',
  },
  MUNICIPALITY_NOT_FOUND: { trpc: 'NOT_FOUND', message: 'Diese Kommune gibt es nicht.' },
  FORBIDDEN_ROLE: { trpc: 'FORBIDDEN', message: 'Dafür fehlt Ihnen die Berechtigung.' },
  PERSON_NOT_FOUND: { trpc: 'NOT_FOUND', message: 'Diese Person gibt es nicht.' },
  // Damage reports and the logbook (server/damage): photos are checked by their content.
  DAMAGE_NOT_FOUND: { trpc: 'NOT_FOUND', message: 'Diese Schadensmeldung gibt es nicht.' },
  PHOTO_NOT_FOUND: { trpc: 'NOT_FOUND', message: 'Dieses Foto gibt es nicht.' },
  PHOTO_TYPE_NOT_ALLOWED: {
    trpc: 'UNSUPPORTED_MEDIA_TYPE',
    message: 'Bitte ein Foto als JPEG, PNG oder WebP hochladen; diese Datei ist kein solches Bild.',
  },
  PHOTO_TOO_LARGE: {
    trpc: 'PAYLOAD_TOO_LARGE',
    message: 'Das Foto ist zu groß; höchstens 10 MB sind möglich.',
  },
  PHOTO_LIMIT_REACHED: {
    trpc: 'PRECONDITION_FAILED',
    message: 'Zu dieser Schadensmeldung gibt es bereits die höchstmögliche Zahl an Fotos.',
  },
  LOGBOOK_NOT_REQUIRED: {
    trpc: 'PRECONDITION_FAILED',
    message: 'Für Fahrzeuge dieser Kommune wird kein Fahrtenbuch geführt.',
  },
  LOGBOOK_NOT_YET_OPEN: {
    trpc: 'PRECONDITION_FAILED',
    message: 'Das Fahrtenbuch lässt sich erst ab Beginn der Buchung ausfüllen.',
  },
  LOGBOOK_CLOSED: {
    trpc: 'PRECONDITION_FAILED',
    message: 'Das Fahrtenbuch lässt sich nur bis 7 Tage nach Ende der Buchung ausfüllen oder ändern.',
  },
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
} as const satisfies Record<
  string,
  { trpc: TRPC_ERROR_CODE_KEY; message: string; details?: { readonly detailsType?: unknown } }
>;

export type AppErrorCode = keyof typeof catalogue;

/** The details each code carries to the client; undefined for codes whose entry declares none. */
export type AppErrorDetails = {
  [C in AppErrorCode]: (typeof catalogue)[C] extends { details: { readonly detailsType?: infer T } }
    ? T
    : undefined;
};

/** Field-level problems, keyed by input field, in the shape zod's flatten gives. */
export type FieldErrors = Record<string, string[]>;

interface AppErrorOptions {
  fieldErrors?: FieldErrors;
  cause?: unknown;
  /** Overrides the catalogue's sentence where a rule names its own (a policy's limit). */
  message?: string;
}

/** A code that declares details must be given them; any other takes none (per code of a union). */
type AppErrorArguments<C extends AppErrorCode> = C extends AppErrorCode
  ? AppErrorDetails[C] extends undefined
    ? [options?: AppErrorOptions & { details?: undefined }]
    : [options: AppErrorOptions & { details: AppErrorDetails[C] }]
  : never;

/** What the error formatter adds to a tRPC error's `data`: read on the client by app/lib/errors.ts. */
export interface AppErrorData {
  appCode?: AppErrorCode;
  fieldErrors?: FieldErrors;
  details?: AppErrorDetails[AppErrorCode];
}

export class AppError<C extends AppErrorCode = AppErrorCode> extends Error {
  readonly code: C;
  readonly fieldErrors: FieldErrors | undefined;
  /** Structured facts for the client beside the sentence: the rules broken, the conflicts found. */
  readonly details: AppErrorData['details'];

  constructor(code: C, ...[options = {}]: AppErrorArguments<C>) {
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

/** The parts of a zod 4 issue a German field message needs (`z.config({ customError })`). */
export interface FieldIssue {
  code: string;
  origin?: string;
  minimum?: number | bigint | Date;
  maximum?: number | bigint | Date;
  inclusive?: boolean;
  expected?: string;
  format?: string;
  input?: unknown;
}

const amount = (limit: number | bigint | Date | undefined) =>
  limit instanceof Date ? limit.toLocaleDateString('de-DE') : Number(limit).toLocaleString('de-DE');

/** A field's problem in plain German for the person at the form; undefined leaves zod's own. */
export function germanIssue(issue: FieldIssue): string | undefined {
  const { code, origin } = issue;
  if (code === 'invalid_type')
    return issue.input === undefined || issue.input === null
      ? 'Bitte ausfüllen.'
      : issue.expected === 'number'
        ? 'Bitte eine Zahl angeben.'
        : issue.expected === 'date'
          ? 'Bitte ein gültiges Datum angeben.'
          : 'Diese Angabe hat nicht die erwartete Form.';
  if (code === 'too_small' || code === 'too_big') {
    const small = code === 'too_small';
    const limit = amount(small ? issue.minimum : issue.maximum);
    const bound =
      issue.inclusive === false ? (small ? 'größer als' : 'kleiner als') : small ? 'mindestens' : 'höchstens';
    if (origin === 'string') return `Bitte ${bound} ${limit} Zeichen eingeben.`;
    if (origin === 'array' || origin === 'set') return `Bitte ${bound} ${limit} auswählen.`;
    if (origin === 'date')
      return small ? `Bitte ein Datum ab ${limit} wählen.` : `Bitte ein Datum bis ${limit} wählen.`;
    return `Der Wert muss ${bound} ${limit} sein.`;
  }
  if (code === 'invalid_format')
    return issue.format === 'email'
      ? 'Bitte eine gültige E-Mail-Adresse angeben.'
      : 'Diese Angabe hat nicht die erwartete Form.';
  if (code === 'invalid_value') return 'Bitte einen der angebotenen Werte wählen.';
  if (code === 'not_multiple_of') return 'Bitte eine ganze Zahl angeben.';
  return undefined;
}
