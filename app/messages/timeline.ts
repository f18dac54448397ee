/** Texts of the timeline page (Zeitplan) and the fleet calendar's grid (the English twins: timeline.en.ts). */
export const timelineDe = {
  title: 'Zeitplan',
  intro:
    'Fahrzeuge und Stunden auf einen Blick. Ziehen Sie auf der Zeile eines Fahrzeugs über freie Stunden, oder wählen Sie den Zeitraum unten im Formular.',
  place: 'Station oder Kommune',
  allOf: (municipality: string) => `Alle Stationen: ${municipality}`,
  day: 'Tag',
  view: 'Ansicht',
  dayView: 'Tag',
  weekView: 'Woche',
  show: 'Anzeigen',
  earlier: 'Früher',
  later: 'Später',
  caption: (place: string, range: string) => `${place}, ${range}`,
  legend: 'Legende',
  free: 'frei',
  booked: 'belegt',
  blocked: 'gesperrt',
  own: 'Ihre Buchung',
  outOfService: 'außer Betrieb',
  selected: 'Ihre Auswahl',
  slot: (label: string, from: string, to: string) => `${label} ${from}–${to}`,
  vehicle: 'Fahrzeug',
  noVehicles: 'Hier gibt es keine Fahrzeuge, die Sie buchen können.',
  hours: (n: number) => `${n} Stunden`,
  chooseTitle: 'Zeitraum wählen und buchen',
  chooseVehicle: 'Fahrzeug wählen …',
  date: 'Datum',
  from: 'Von',
  to: 'Bis',
  purpose: 'Zweck der Fahrt (optional)',
  book: 'Verbindlich buchen',
  booking: 'Wird gebucht …',
  bookedResult: (plate: string, range: string) => `Gebucht: ${plate}, ${range}.`,
  pending: (plate: string, range: string) => `Angefragt: ${plate}, ${range} – die Freigabe steht noch aus.`,
  openBooking: 'Buchung öffnen',
  dragged: (plate: string, range: string) => `Ausgewählt: ${plate}, ${range}. Jetzt bestätigen.`,
  missingFields: 'Bitte Fahrzeug, Datum, Beginn und Ende angeben.',
};

/** Only the timeline's and the fleet's pages bring these (app/lib/texts-timeline.tsx). */
export const timelinePageDe = { timeline: timelineDe };

export type TimelinePageMessages = typeof timelinePageDe;
