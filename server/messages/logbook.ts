import type { Language } from './language';

/** The Fahrtenbuch as exported (CSV, PDF): headings and columns in the reader's language. */
const de = {
  title: 'Fahrtenbuch',
  ofCar: (plate: string, car: string) => `Fahrzeug ${plate} (${car})`,
  ofPerson: (name: string) => `Fahrer/in: ${name}`,
  period: (from: string, lastDay: string) => `Zeitraum: ${from} bis ${lastDay}`,
  made: (when: string) => `Erstellt am ${when}`,
  totalKm: (km: string) => `Gefahrene Kilometer im Zeitraum: ${km}`,
  none: 'Im Zeitraum gibt es keine Fahrten.',
  columns: {
    start: 'Beginn',
    end: 'Ende',
    plate: 'Kennzeichen',
    driver: 'Fahrer/in',
    odometerStart: 'km-Stand Beginn',
    odometerEnd: 'km-Stand Ende',
    km: 'km',
    purpose: 'Zweck',
    destination: 'Ziel',
    personVisited: 'Besuchte Person',
    changed: 'Später geändert',
  },
  yes: 'ja',
  no: 'nein',
  missing: 'fehlt',
  removedPerson: 'gelöscht',
  changes: 'Spätere Änderungen',
  changesIntro:
    'Jede Fassung eines Eintrags, der nach dem ersten Schreiben geändert wurde, in ihrer Reihenfolge.',
  changeColumns: {
    trip: 'Fahrt',
    version: 'Fassung',
    changedAt: 'Geschrieben am',
    changedBy: 'von',
  },
};

export type LogbookExportTexts = typeof de;

const en: LogbookExportTexts = {
  title: 'Logbook',
  ofCar: (plate, car) => `Vehicle ${plate} (${car})`,
  ofPerson: (name) => `Driver: ${name}`,
  period: (from, lastDay) => `Period: ${from} to ${lastDay}`,
  made: (when) => `Made on ${when}`,
  totalKm: (km) => `Kilometres driven in the period: ${km}`,
  none: 'There are no trips in the period.',
  columns: {
    start: 'Start',
    end: 'End',
    plate: 'Plate',
    driver: 'Driver',
    odometerStart: 'Odometer start',
    odometerEnd: 'Odometer end',
    km: 'km',
    purpose: 'Purpose',
    destination: 'Destination',
    personVisited: 'Person visited',
    changed: 'Changed later',
  },
  yes: 'yes',
  no: 'no',
  missing: 'missing',
  removedPerson: 'removed',
  changes: 'Later changes',
  changesIntro: 'Every version of an entry changed after it was first written, in order.',
  changeColumns: {
    trip: 'Trip',
    version: 'Version',
    changedAt: 'Written on',
    changedBy: 'by',
  },
};

export const logbookExportTexts = (language: Language): LogbookExportTexts => (language === 'en' ? en : de);
