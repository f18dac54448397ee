/** German texts of the fleet-sizing page and the trip pages (own trips; a fleet manager's lookup). */
const euro = (n: number) => new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR' }).format(n);
const euroEn = (n: number) =>
  new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'EUR' }).format(n);

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
  nav: 'Meine Fahrten',
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

export const sizingEn: typeof sizingDe = {
  section: 'Demand',
  title: 'How many cars are needed?',
  intro:
    'From the bookings and the unsuccessful searches of a period: how many cars would have served 95 % or 99 % of the wanted time, beside the cars there are and what a smaller fleet saves in fixed costs per month.',
  from: 'From',
  to: 'To (exclusive)',
  show: 'Calculate',
  caption: (from: string, to: string) => `Cars needed per station, ${from} to ${to} (exclusive)`,
  regionCaption: (from: string, to: string) => `Cars needed in the region, ${from} to ${to} (exclusive)`,
  columns: {
    station: 'Station',
    requestedHours: 'Wanted time (h)',
    unmetRequestedHours: 'of which searched in vain (h)',
    peakDemand: 'Highest demand per quarter hour',
    cars: 'Available',
    carsFor95: 'Needed for 95 %',
    carsFor99: 'Needed for 99 %',
    savingFor95: 'Saving/month at 95 %',
    savingFor99: 'Saving/month at 99 %',
  },
  region: 'Region (sum of all stations)',
  methodTitle: 'How it is calculated',
  euro: euroEn,
};

export const myTripsEn: typeof myTripsDe = {
  nav: 'My trips',
  title: 'My trips',
  intro:
    'Your trips from the data of the telematics box: when, with which car, how far and how long. No location history (GPS) is stored. After the retention period your name is removed from old bookings; they then no longer appear here.',
  caption: 'My trips',
  none: 'No trips yet.',
  columns: { date: 'Start', car: 'Car', km: 'km', minutes: 'Duration (min)' },
  lookupsTitle: 'Who has looked at my trips?',
  lookupsIntro:
    'Every time the fleet office looks at your trips it is logged with a reason. Here you see all of them.',
  lookupsCaption: 'Look-ups of my trips',
  lookupsNone: 'Nobody has looked at your trips.',
  lookupColumns: { at: 'When', viewer: 'Who', purpose: 'Purpose', reason: 'Reason', span: 'Period' },
};

export const tripLookupEn: typeof tripLookupDe = {
  section: 'Look up trips',
  title: 'Look up a person’s trips',
  purposeTitle: 'What this page is for',
  purpose: [
    'Here fleet managers see the trips of a single person of their municipality – only for these purposes: to assign a damage or a fine to the person who had the car, or to settle a question about a billed trip.',
    'Looking for performance or behaviour monitoring is not allowed. Every look-up is logged with you, the person, the time, the purpose, the reason and the period; the person sees the log, as does the staff council on request.',
    'A look-up covers at most 93 days. Start, end, car and kilometres are stored – no location history. After the retention period trips are no longer assigned to anyone.',
  ],
  person: 'Person',
  choose: 'Please choose',
  purposeLabel: 'Purpose',
  purposes: { damage: 'Assign a damage', fine: 'Assign a fine', billing: 'Question about billing' },
  reason: 'Reason (e.g. file number, damage report)',
  from: 'From',
  to: 'To (exclusive)',
  submit: 'Look up and log',
  busy: 'Looking up …',
  caption: (name: string, from: string, to: string) => `Trips of ${name}, ${from} to ${to} (exclusive)`,
};
