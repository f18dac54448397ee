import { requestLanguage } from './language';

/** The field messages the server's own input checks give, beside zod's (field-issues.ts). */
const de = {
  noControlCharacters: 'Bitte ohne Steuerzeichen eingeben.',
  noControlCharactersOrBreaks: 'Bitte ohne Steuerzeichen und Zeilenumbrüche eingeben.',
  clock: 'Uhrzeit als HH:MM',
  endAfterStart: 'Das Ende muss nach dem Beginn liegen.',
  othersHoursTogether: 'Beginn und Ende der Zeiten für andere Kommunen gehören zusammen.',
  stationOrMunicipality: 'Bitte entweder eine Station oder eine Kommune wählen, nicht beides.',
  exactlyStationOrMunicipality: 'Bitte genau eine Station oder eine Kommune wählen.',
  drivable: 'Bitte angeben, ob das Fahrzeug noch fahrbereit ist.',
  chooseVehicle: 'Bitte ein Fahrzeug wählen.',
  tripPurpose: 'Bitte den Zweck der Fahrt angeben.',
  tripDestination: 'Bitte das Ziel der Fahrt angeben.',
  periodEndAfterStart: 'Das Ende des Zeitraums muss nach seinem Beginn liegen.',
  periodAtMostTenYears: 'Ein Zeitraum umfasst höchstens zehn Jahre.',
  carOrPerson: 'Bitte ein Fahrzeug oder eine Person wählen, nicht beides.',
  sizingPeriodAtMostAYear: 'Ein Zeitraum für die Bedarfsrechnung umfasst höchstens ein Jahr.',
  lookupAtMost: (days: number) => `Eine Abfrage umfasst höchstens ${days} Tage.`,
  retiredAfterCommissioned: 'Die Außerdienststellung muss nach der Indienststellung liegen.',
  countryCode: 'Ländercode mit zwei Großbuchstaben, z. B. DE.',
  leitwegId: 'Diese Leitweg-ID ist ungültig (Form 04011000-1234512345-06, Prüfziffer).',
  vatId: 'Eine USt-IdNr. hat die Form DE123456789.',
  iban: 'Diese IBAN ist ungültig (Prüfziffer oder Länge).',
  bic: 'Eine BIC hat 8 oder 11 Zeichen.',
};

const en: typeof de = {
  noControlCharacters: 'Please enter without control characters.',
  noControlCharactersOrBreaks: 'Please enter without control characters and line breaks.',
  clock: 'Time as HH:MM',
  endAfterStart: 'The end must be after the start.',
  othersHoursTogether: 'Start and end of the hours for other municipalities go together.',
  stationOrMunicipality: 'Please choose either a station or a municipality, not both.',
  exactlyStationOrMunicipality: 'Please choose exactly one station or one municipality.',
  drivable: 'Please say whether the car can still be driven.',
  chooseVehicle: 'Please choose a vehicle.',
  tripPurpose: 'Please enter the purpose of the trip.',
  tripDestination: 'Please enter the destination of the trip.',
  periodEndAfterStart: 'The end of the period must be after its start.',
  periodAtMostTenYears: 'A period spans at most ten years.',
  carOrPerson: 'Please choose a vehicle or a person, not both.',
  sizingPeriodAtMostAYear: 'A period for the fleet sizing spans at most one year.',
  lookupAtMost: (days: number) => `A lookup spans at most ${days} days.`,
  retiredAfterCommissioned: 'The retirement must be after the commissioning.',
  countryCode: 'Country code of two capital letters, e.g. DE.',
  leitwegId: 'This Leitweg-ID is invalid (form 04011000-1234512345-06, check digits).',
  vatId: 'A VAT ID has the form DE123456789.',
  iban: 'This IBAN is invalid (check digits or length).',
  bic: 'A BIC has 8 or 11 characters.',
};

/**
 * The field messages in the request's language, for zod's `error`, which runs while the input is
 * parsed: `.refine(check, { error: () => fieldTexts().endAfterStart })`.
 */
export const fieldTexts = (): typeof de => (requestLanguage() === 'en' ? en : de);
