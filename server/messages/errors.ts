import type { TRPC_ERROR_CODE_KEY } from '@trpc/server/rpc';
import type { PolicyRule } from '../bookings/policy';
import type { SeriesConflict } from '../bookings/series';
import type { BookingInTheWay } from '../bookings/vacate';
import { auditErrors } from './errors-audit';
import { boxErrors } from './errors-boxes';
import { complianceErrors } from './errors-compliance';
import { fleetErrors } from './errors-fleet';
import { peopleErrors } from './errors-people';
import { ssoErrors } from './errors-sso';
import type { Language } from './language';

/** Declares in the table what a code's `details` carry (a type only; no value is kept). */
export const carries = <T>(): { readonly detailsType?: T } => ({});

/** A part of the table: an area with many refusals of its own keeps them in a file beside this one. */
export type ErrorEntries = Record<
  string,
  { trpc: TRPC_ERROR_CODE_KEY; details?: { readonly detailsType?: unknown } } & Record<Language, string>
>;

/** Every domain refusal: its tRPC code, the sentence a person reads in each language, its details' type if any. */
export const errorCatalogue = {
  ...complianceErrors,
  INVALID_INPUT: {
    trpc: 'BAD_REQUEST',
    de: 'Bitte prüfen Sie die markierten Eingaben.',
    en: 'Please check the marked entries.',
  },
  // The HTTP API itself (server/http): requests refused before any procedure runs.
  FOREIGN_ORIGIN: {
    trpc: 'FORBIDDEN',
    de: 'Diese Anfrage kam nicht von dieser Anwendung selbst und wurde abgewiesen.',
    en: 'This request did not come from this application itself and was refused.',
  },
  UNSUPPORTED_MEDIA_TYPE: {
    trpc: 'UNSUPPORTED_MEDIA_TYPE',
    de: 'Die Schnittstelle nimmt nur JSON an.',
    en: 'The interface accepts JSON only.',
  },
  REQUEST_TOO_LARGE: {
    trpc: 'PAYLOAD_TOO_LARGE',
    de: 'Die Anfrage ist zu groß.',
    en: 'The request is too large.',
  },
  BATCH_TOO_LARGE: {
    trpc: 'BAD_REQUEST',
    de: 'Die Anfrage enthält zu viele Aufrufe auf einmal.',
    en: 'The request contains too many calls at once.',
  },
  MALFORMED_REQUEST: {
    trpc: 'BAD_REQUEST',
    de: 'Die Anfrage ist fehlerhaft aufgebaut.',
    en: 'The request is malformed.',
  },
  UNKNOWN_PROCEDURE: {
    trpc: 'NOT_FOUND',
    de: 'Diese Schnittstelle gibt es nicht.',
    en: 'This interface does not exist.',
  },
  METHOD_NOT_ALLOWED: {
    trpc: 'METHOD_NOT_SUPPORTED',
    de: 'Diese Schnittstelle ist mit dieser Anfragemethode nicht aufrufbar.',
    en: 'This interface cannot be called with this request method.',
  },
  REQUEST_REFUSED: {
    trpc: 'BAD_REQUEST',
    de: 'Die Anfrage konnte nicht bearbeitet werden.',
    en: 'The request could not be processed.',
  },
  BOOKING_CONFLICT: {
    trpc: 'CONFLICT',
    de: 'Das Fahrzeug ist in diesem Zeitraum bereits gebucht oder gesperrt (einschließlich Pufferzeit). Bitte wählen Sie eine andere Zeit oder ein anderes Fahrzeug.',
    en: 'The car is already booked or blocked in this period (including buffer time). Please choose another time or another car.',
  },
  VEHICLE_NOT_BOOKABLE: {
    trpc: 'PRECONDITION_FAILED',
    de: 'Dieses Fahrzeug ist derzeit außer Betrieb und kann nicht gebucht werden.',
    en: 'This car is currently out of service and cannot be booked.',
  },
  BOOKING_NOT_FOUND: {
    trpc: 'NOT_FOUND',
    de: 'Diese Buchung gibt es nicht (mehr).',
    en: 'This booking does not exist (any more).',
  },
  UNAUTHENTICATED: { trpc: 'UNAUTHORIZED', de: 'Bitte melden Sie sich an.', en: 'Please sign in.' },
  // Booking engine: the message of these comes from the rule that refused.
  /** A new end the rules do not allow (too short, in the past); the message names the rule. */
  END_NOT_POSSIBLE: {
    trpc: 'BAD_REQUEST',
    de: 'Dieses Ende ist für die Buchung nicht möglich.',
    en: 'This end is not possible for the booking.',
  },
  TRANSITION_REFUSED: {
    trpc: 'PRECONDITION_FAILED',
    de: 'Dieser Schritt ist für die Buchung nicht möglich.',
    en: 'This step is not possible for the booking.',
  },
  POLICY_VIOLATION: {
    trpc: 'PRECONDITION_FAILED',
    de: 'Die Buchungsregeln erlauben diese Buchung nicht.',
    en: 'The booking rules do not allow this booking.',
    details: carries<{ rules: PolicyRule[] }>(),
  },
  BLOCK_AFFECTS_BOOKINGS: {
    trpc: 'CONFLICT',
    de: 'Die Sperrzeit betrifft bestehende Buchungen.',
    en: 'The blocked period affects existing bookings.',
    details: carries<{ bookings: BookingInTheWay[] }>(),
  },
  BLOCK_NOT_FOUND: {
    trpc: 'NOT_FOUND',
    de: 'Diese Sperrzeit gibt es nicht.',
    en: 'This blocked period does not exist.',
  },
  BLOCK_ENDS_WITH_ITS_RECORD: {
    trpc: 'PRECONDITION_FAILED',
    de: 'Diese Sperrzeit endet mit ihrer Ursache: eine UVV-Sperre mit der nächsten Prüfung, eine Schadenssperre mit dem Abschluss der Meldung (repariert oder abgelehnt).',
    en: 'This blocked period ends with its cause: a UVV block with the next inspection, a damage block when the report is closed (repaired or rejected).',
  },
  VEHICLE_ON_TRIP: {
    trpc: 'PRECONDITION_FAILED',
    de: 'Das Fahrzeug ist in dieser Zeit unterwegs oder war es; die Sperrzeit muss danach beginnen.',
    en: 'The car is or was on a trip in this period; the blocked period must start after it.',
  },
  SERIES_CONFLICTS: {
    trpc: 'CONFLICT',
    de: 'Nicht alle Termine der Serie sind möglich.',
    en: 'Not all dates of the series are possible.',
    details: carries<{ conflicts: SeriesConflict[] }>(),
  },
  SERIES_NOT_FOUND: {
    trpc: 'NOT_FOUND',
    de: 'Diese Serienbuchung gibt es nicht.',
    en: 'This recurring booking does not exist.',
  },
  LICENCE_CHECK_EXPIRED: {
    trpc: 'FORBIDDEN',
    de: 'Führerscheinkontrolle abgelaufen – bitte beim Fuhrpark melden',
    en: 'Driving licence check expired – please contact the fleet office',
  },
  // Telematics: keys, relay commands, gateways and boxes.
  BOOKING_NOT_OPEN: {
    trpc: 'PRECONDITION_FAILED',
    de: 'Diese Buchung ist storniert oder abgeschlossen; das Fahrzeug lässt sich damit nicht bedienen.',
    en: 'This booking is cancelled or completed; the car cannot be operated with it.',
  },
  BOOKING_NOT_STARTED: {
    trpc: 'PRECONDITION_FAILED',
    de: 'Die Fahrt hat noch nicht begonnen: Das Fahrzeug wurde mit dieser Buchung noch nicht entriegelt. Beenden geht erst danach.',
    en: 'The trip has not started yet: the car has not been unlocked with this booking. Ending is only possible after that.',
  },
  KEY_NOT_YET_VALID: {
    trpc: 'PRECONDITION_FAILED',
    de: 'Der digitale Schlüssel gilt erst ab 10 Minuten vor Beginn der Buchung.',
    en: 'The digital key is valid only from 10 minutes before the booking starts.',
  },
  KEY_EXPIRED: {
    trpc: 'PRECONDITION_FAILED',
    de: 'Die Buchungszeit ist vorbei; der digitale Schlüssel gilt nicht mehr.',
    en: 'The booking time is over; the digital key is no longer valid.',
  },
  BOX_NOT_FOUND: {
    trpc: 'NOT_FOUND',
    de: 'Für dieses Fahrzeug ist keine Telematikbox eingerichtet.',
    en: 'No telematics box is set up for this car.',
  },
  BOX_ALREADY_PROVISIONED: {
    trpc: 'CONFLICT',
    de: 'Dieses Fahrzeug, diese Box-ID oder diese Bluetooth-Adresse ist bereits einer Telematikbox zugeordnet.',
    en: 'This car, this box ID or this Bluetooth address is already assigned to a telematics box.',
  },
  BOX_MISMATCH: {
    trpc: 'BAD_REQUEST',
    de: 'Die Box in Reichweite ist nicht die des Auftrags.',
    en: 'The box in range is not the one of the job.',
  },
  FRAME_MALFORMED: {
    trpc: 'BAD_REQUEST',
    de: 'Die Daten der Box sind unvollständig oder beschädigt.',
    en: 'The data from the box is incomplete or damaged.',
  },
  JOB_NOT_FOUND: { trpc: 'NOT_FOUND', de: 'Diesen Auftrag gibt es nicht.', en: 'This job does not exist.' },
  RESPONSE_MISMATCH: {
    trpc: 'BAD_REQUEST',
    de: 'Diese Antwort der Box gehört nicht zu diesem Auftrag; er bleibt offen.',
    en: 'This answer of the box does not belong to this job; the job stays open.',
  },
  JOB_EXPIRED: {
    trpc: 'PRECONDITION_FAILED',
    de: 'Der Auftrag ist abgelaufen oder wurde abgebrochen. Bitte erneut versuchen.',
    en: 'The job has expired or was cancelled. Please try again.',
  },
  GATEWAY_UNAUTHORIZED: {
    trpc: 'UNAUTHORIZED',
    de: 'Gateway unbekannt oder gesperrt.',
    en: 'Gateway unknown or blocked.',
  },
  GATEWAY_NOT_FOUND: {
    trpc: 'NOT_FOUND',
    de: 'Dieses Gateway gibt es nicht.',
    en: 'This gateway does not exist.',
  },
  GATEWAY_NAME_TAKEN: {
    trpc: 'CONFLICT',
    de: 'An dieser Station gibt es bereits ein Gateway mit diesem Namen.',
    en: 'There is already a gateway with this name at this station.',
  },
  STATION_NOT_FOUND: {
    trpc: 'NOT_FOUND',
    de: 'Diese Station gibt es nicht.',
    en: 'This station does not exist.',
  },
  VEHICLE_NOT_FOUND: {
    trpc: 'NOT_FOUND',
    de: 'Dieses Fahrzeug gibt es nicht.',
    en: 'This car does not exist.',
  },
  OTHER_MUNICIPALITY: {
    trpc: 'FORBIDDEN',
    de: 'Das gehört zu einer anderen Kommune; dafür fehlt Ihnen die Berechtigung.',
    en: 'This belongs to another municipality; you do not have permission for it.',
  },
  // Reports: settlement months are frozen once, in order, after they ended.
  SETTLEMENT_FROZEN: {
    trpc: 'CONFLICT',
    de: 'Dieser Monat ist bereits abgerechnet; Korrekturen erscheinen im nächsten offenen Monat.',
    en: 'This month has already been settled; corrections appear in the next open month.',
  },
  SETTLEMENT_MONTH_OPEN: {
    trpc: 'PRECONDITION_FAILED',
    de: 'Dieser Monat ist noch nicht vorbei.',
    en: 'This month is not over yet.',
  },
  SETTLEMENT_OUT_OF_ORDER: {
    trpc: 'PRECONDITION_FAILED',
    de: 'Monate werden der Reihe nach abgerechnet; bitte zuerst den Monat davor abschließen.',
    en: 'Months are settled in order; please close the month before first.',
  },
  // Report exports (server/reports/exports): files under /api/berichte.
  EXPORT_NOT_FOUND: {
    trpc: 'NOT_FOUND',
    de: 'Diesen Export gibt es nicht.',
    en: 'This export does not exist.',
  },
  INVOICE_NOT_FOUND: {
    trpc: 'NOT_FOUND',
    de: 'Für dieses Paar von Kommunen gibt es in diesem Monat keinen offenen Betrag und keine Rechnung.',
    en: 'For this pair of municipalities there is no open amount and no invoice in this month.',
  },
  ACCOUNTING_DATA_MISSING: {
    trpc: 'PRECONDITION_FAILED',
    de: 'Für die Rechnung fehlen Abrechnungsdaten (Anschrift, Leitweg-ID, Bankverbindung) einer der beiden Kommunen.',
    en: 'The invoice lacks accounting data (address, Leitweg-ID, bank details) of one of the two municipalities.',
  },
  SETTLEMENT_TARIFF_MISSING: {
    trpc: 'PRECONDITION_FAILED',
    de: 'Für Buchungen dieses Monats fehlt ein gültiger Tarif der Eigentümerkommune. Bitte zuerst den Tarif ab einem Datum vor diesen Buchungen hinterlegen.',
    en: 'Bookings of this month lack a valid tariff of the owning municipality. Please first enter the tariff from a date before these bookings.',
  },
  MUNICIPALITY_NOT_FOUND: {
    trpc: 'NOT_FOUND',
    de: 'Diese Kommune gibt es nicht.',
    en: 'This municipality does not exist.',
  },
  FORBIDDEN_ROLE: {
    trpc: 'FORBIDDEN',
    de: 'Dafür fehlt Ihnen die Berechtigung.',
    en: 'You do not have permission for this.',
  },
  PERSON_NOT_FOUND: {
    trpc: 'NOT_FOUND',
    de: 'Diese Person gibt es nicht.',
    en: 'This person does not exist.',
  },
  // Damage reports and the logbook (server/damage): photos are checked by their content.
  DAMAGE_NOT_FOUND: {
    trpc: 'NOT_FOUND',
    de: 'Diese Schadensmeldung gibt es nicht.',
    en: 'This damage report does not exist.',
  },
  PHOTO_NOT_FOUND: { trpc: 'NOT_FOUND', de: 'Dieses Foto gibt es nicht.', en: 'This photo does not exist.' },
  PHOTO_TYPE_NOT_ALLOWED: {
    trpc: 'UNSUPPORTED_MEDIA_TYPE',
    de: 'Bitte ein Foto als JPEG, PNG oder WebP hochladen; diese Datei ist kein solches Bild.',
    en: 'Please upload a photo as JPEG, PNG or WebP; this file is not such an image.',
  },
  PHOTO_TOO_LARGE: {
    trpc: 'PAYLOAD_TOO_LARGE',
    de: 'Das Foto ist zu groß; höchstens 10 MB sind möglich.',
    en: 'The photo is too large; at most 10 MB are possible.',
  },
  PHOTO_LIMIT_REACHED: {
    trpc: 'PRECONDITION_FAILED',
    de: 'Zu dieser Schadensmeldung gibt es bereits die höchstmögliche Zahl an Fotos.',
    en: 'This damage report already has the largest possible number of photos.',
  },
  LOGBOOK_NOT_REQUIRED: {
    trpc: 'PRECONDITION_FAILED',
    de: 'Für Fahrzeuge dieser Kommune wird kein Fahrtenbuch geführt.',
    en: 'No logbook is kept for cars of this municipality.',
  },
  LOGBOOK_NOT_YET_OPEN: {
    trpc: 'PRECONDITION_FAILED',
    de: 'Das Fahrtenbuch lässt sich erst ab Beginn der Buchung ausfüllen.',
    en: 'The logbook can be filled in only from the start of the booking.',
  },
  LOGBOOK_CLOSED: {
    trpc: 'PRECONDITION_FAILED',
    de: 'Das Fahrtenbuch lässt sich nur bis 7 Tage nach Ende der Buchung ausfüllen oder ändern.',
    en: 'The logbook can be filled in or changed only until 7 days after the booking ends.',
  },
  // The demo's car simulator (server/demo): only where the embedded demo runs its own gateways.
  DEMO_NOT_RUNNING: {
    trpc: 'FORBIDDEN',
    de: 'Den Fahrzeugsimulator gibt es nur in der Demo (mit der eingebetteten Datenbank).',
    en: 'The car simulator exists only in the demo (with the embedded database).',
  },
  DEMO_CAR_NOT_SIMULATED: {
    trpc: 'NOT_FOUND',
    de: 'Dieses Fahrzeug wird in der Demo nicht simuliert.',
    en: 'This car is not simulated in the demo.',
  },
  DEMO_CAR_LOCKED: {
    trpc: 'PRECONDITION_FAILED',
    de: 'Das Fahrzeug ist verriegelt. Bitte zuerst entriegeln.',
    en: 'The car is locked. Please unlock it first.',
  },
  DEMO_IGNITION_ON: {
    trpc: 'PRECONDITION_FAILED',
    de: 'Bitte zuerst die Zündung ausschalten.',
    en: 'Please switch off the ignition first.',
  },
  DEMO_BATTERY_EMPTY: {
    trpc: 'PRECONDITION_FAILED',
    de: 'Der Akku ist leer. Bitte zuerst laden.',
    en: 'The battery is empty. Please charge it first.',
  },
  DEMO_BOOKING_TIME_UP: {
    trpc: 'PRECONDITION_FAILED',
    de: 'Dafür reicht die Buchungszeit nicht mehr: Die simulierte Zeit liefe über das Ende Ihres Schlüssels hinaus.',
    en: 'The booking time is not enough for this: the simulated time would run past the end of your key.',
  },
  ...fleetErrors,
  ...auditErrors,
  ...boxErrors,
  ...ssoErrors,
  ...peopleErrors,
} as const satisfies ErrorEntries;
