/** Texts of the search page (Fahrzeug suchen) and its booking; imported into de.ts as `search`. */
const germanDate = (day: string) =>
  new Intl.DateTimeFormat('de-DE', {
    weekday: 'long',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).format(new Date(`${day}T12:00:00Z`));

export const searchDe = {
  title: 'Freies Fahrzeug finden',
  when: 'Wann',
  fromDate: 'Von (Datum)',
  fromTime: 'Von (Uhrzeit)',
  toDate: 'Bis (Datum)',
  toTime: 'Bis (Uhrzeit)',
  quick: 'Schnellauswahl',
  quickTwoHours: 'Ab jetzt 2 Stunden',
  quickAfternoon: 'Heute Nachmittag',
  quickTomorrow: 'Morgen',
  problem: {
    missing: 'Bitte Datum und Uhrzeit angeben.',
    order: 'Das Ende muss nach dem Beginn liegen.',
    gap: (day: string, time: string) =>
      `${time} Uhr gibt es am ${germanDate(day)} nicht: In dieser Nacht wird die Uhr auf Sommerzeit vorgestellt. Bitte eine Uhrzeit davor oder danach wählen.`,
  },
  place: 'Ort',
  anywhere: 'Alle Stationen',
  allOf: (municipality: string) => `Alle Stationen: ${municipality}`,
  minSeats: 'Mindestens Sitze',
  anySeats: 'beliebig',
  powertrain: 'Antrieb',
  anyPowertrain: 'beliebig',
  submit: 'Suchen',
  busy: 'Suche läuft …',
  none: 'In diesem Zeitraum ist hier kein Fahrzeug frei. Versuchen Sie eine andere Zeit oder Station.',
  found: (n: number) => (n === 1 ? '1 Fahrzeug frei' : `${n} Fahrzeuge frei`),
  hidden: (n: number) =>
    n === 1
      ? '1 weiteres freies Fahrzeug ist für Sie nicht buchbar:'
      : `${n} weitere freie Fahrzeuge sind für Sie nicht buchbar:`,
  hiddenCount: (n: number) => (n === 1 ? '1 Fahrzeug' : `${n} Fahrzeuge`),
  book: 'Buchen',
  bookThis: (car: string) => `${car} buchen`,
  purpose: 'Zweck der Fahrt (optional)',
  confirm: 'Verbindlich buchen',
  cancel: 'Abbrechen',
  booking: 'Wird gebucht …',
  booked: (car: string, span: string) => `Gebucht: ${car}, ${span}.`,
  openBooking: 'Buchung öffnen',
  seats: (n: number) => `${n} Sitze`,
  range: (km: number) => `Reichweite bis ${km} km`,
  charge: (soc: number, km: number) => `Akku ${soc} % · ca. ${km} km`,
  rangeWarning: 'Die Reichweite reicht für die geplante Strecke voraussichtlich nicht.',
  distance: (km: number) => `${km.toLocaleString('de-DE')} km entfernt`,
  plannedKm: 'Geplante Strecke (km)',
  nearMe: 'Nach Entfernung zu mir sortieren',
  nearActive: 'Sortiert nach Entfernung ✓',
  nearFailed: 'Der Standort ist nicht verfügbar; sortiert wird ohne Entfernung.',
  otherTimes: 'Hier frei zu anderer Zeit',
  otherStations: 'Zur gleichen Zeit an anderen Stationen frei',
  shift: (hours: number) =>
    `${Math.abs(hours)} ${Math.abs(hours) === 1 ? 'Stunde' : 'Stunden'} ${hours < 0 ? 'früher' : 'später'}`,
  takeTime: 'Diese Zeit übernehmen',
  /** The owner with its article, as the region file gives it: "Fahrzeug der Stadt Brandis". */
  owner: (owner: { name: string; genitive: string }) => `Fahrzeug ${owner.genitive}`,
  seriesResult: (n: number, skipped: number) =>
    `Serie gebucht: ${n} ${n === 1 ? 'Termin' : 'Termine'}${skipped > 0 ? `, ${skipped} ausgelassen` : ''}.`,
  seriesBooked: 'Gebuchte Termine',
  seriesSkipped: 'Ausgelassene Termine',
  seriesNotCreated: 'Die Serie wurde nicht gebucht. Diese Termine sind nicht möglich:',
};
