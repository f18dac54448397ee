/** German texts of the fleet-sizing page and the trip pages (own trips; a fleet manager's lookup). */
const euro = (n: number) => new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR' }).format(n);

export const sizingDe = {
  section: 'Bedarf',
  title: 'Wie viele Fahrzeuge braucht es?',
  intro:
    'Aus den Buchungen und den erfolglosen Suchen eines Zeitraums: wie viele Fahrzeuge 95 % bzw. 99 % der gewünschten Zeit bedient hätten, neben den vorhandenen und dem, was eine Verkleinerung im Monat an Fixkosten spart.',
  from: 'Von',
  to: 'Bis (ausschließlich)',
  show: 'Berechnen',
  caption: (from: string, to: string) => `Fahrzeugbedarf je Station, ${from} bis ${to} (ausschließlich)`,
  regionCaption: (from: string, to: string) =>
    `Fahrzeugbedarf der Region, ${from} bis ${to} (ausschließlich)`,
  columns: {
    station: 'Station',
    requestedHours: 'Gewünschte Zeit (h)',
    unmetRequestedHours: 'davon erfolglos gesucht (h)',
    peakDemand: 'Höchster Bedarf je Viertelstunde',
    cars: 'Vorhanden',
    carsFor95: 'Nötig für 95 %',
    carsFor99: 'Nötig für 99 %',
    savingFor95: 'Einsparung/Monat bei 95 %',
    savingFor99: 'Einsparung/Monat bei 99 %',
  },
  region: 'Region (Summe aller Stationen)',
  methodTitle: 'So wird gerechnet',
  euro,
};

export const myTripsDe = {
  title: 'Meine Fahrten',
  intro:
    'Ihre Fahrten aus den Daten der Telematikbox: wann, mit welchem Fahrzeug, wie weit und wie lange. Ein Standortverlauf (GPS) wird nicht gespeichert. Nach Ablauf der Aufbewahrungsfrist wird Ihr Name von alten Buchungen entfernt; dann erscheinen sie hier nicht mehr.',
  caption: 'Meine Fahrten',
  none: 'Noch keine Fahrten.',
  columns: { date: 'Beginn', car: 'Fahrzeug', km: 'km', minutes: 'Dauer (min)' },
  lookupsTitle: 'Wer hat meine Fahrten eingesehen?',
  lookupsIntro:
    'Jede Einsicht des Fuhrparks in Ihre Fahrten wird mit Grund protokolliert. Hier sehen Sie alle Einsichten.',
  lookupsCaption: 'Einsichten in meine Fahrten',
  lookupsNone: 'Niemand hat Ihre Fahrten eingesehen.',
  lookupColumns: { at: 'Wann', viewer: 'Wer', purpose: 'Zweck', reason: 'Begründung', span: 'Zeitraum' },
};

export const tripLookupDe = {
  section: 'Fahrten einsehen',
  title: 'Fahrten einer Person einsehen',
  purposeTitle: 'Wozu diese Seite dient',
  purpose: [
    'Hier sehen Fuhrparkverantwortliche die Fahrten einer einzelnen Person ihrer Kommune – nur zu diesen Zwecken: einen Schaden oder ein Bußgeld der Person zuzuordnen, die das Fahrzeug hatte, oder eine Rückfrage zu einer abgerechneten Fahrt zu klären.',
    'Nicht zulässig ist die Einsicht zur Leistungs- oder Verhaltenskontrolle. Jede Einsicht wird mit Ihnen, der Person, dem Zeitpunkt, dem Zweck, der Begründung und dem Zeitraum protokolliert; die Person sieht das Protokoll selbst, ebenso der Personalrat auf Anfrage.',
    'Eine Einsicht umfasst höchstens 93 Tage. Gespeichert sind Beginn, Ende, Fahrzeug und Kilometer – kein Standortverlauf. Nach der Aufbewahrungsfrist sind Fahrten keiner Person mehr zugeordnet.',
  ],
  person: 'Person',
  choose: 'Bitte wählen',
  purposeLabel: 'Zweck',
  purposes: { damage: 'Schaden zuordnen', fine: 'Bußgeld zuordnen', billing: 'Rückfrage zur Abrechnung' },
  reason: 'Begründung (z. B. Aktenzeichen, Schadensmeldung)',
  from: 'Von',
  to: 'Bis (ausschließlich)',
  submit: 'Einsehen und protokollieren',
  busy: 'Wird abgefragt …',
  caption: (name: string, from: string, to: string) =>
    `Fahrten von ${name}, ${from} bis ${to} (ausschließlich)`,
};
