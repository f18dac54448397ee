/** Texts of the damage report and the logbook on the booking page (app/(staff)/buchungen/[id]). */
export const damageDe = {
  title: 'Schaden melden',
  intro:
    'Haben Sie am Fahrzeug einen Schaden bemerkt? Beschreiben Sie ihn; der Fuhrpark wird benachrichtigt.',
  description: 'Was ist beschädigt?',
  descriptionHint: 'Zum Beispiel: Kratzer an der Beifahrertür, Scheibe gesprungen.',
  drivable: 'Ist das Fahrzeug noch fahrbereit?',
  drivableYes: 'Ja, fahrbereit',
  drivableNo: 'Nein, nicht fahrbereit',
  photos: 'Fotos (optional, JPEG, PNG oder WebP, je höchstens 10 MB)',
  submit: 'Schaden melden',
  busy: 'Wird gemeldet …',
  reported: (photos: number) =>
    photos === 0
      ? 'Der Schaden wurde gemeldet. Der Fuhrpark ist benachrichtigt.'
      : `Der Schaden wurde mit ${photos === 1 ? 'einem Foto' : `${photos} Fotos`} gemeldet. Der Fuhrpark ist benachrichtigt.`,
  photoFailed: (name: string, reason: string) => `Das Foto „${name}“ wurde nicht gespeichert: ${reason}`,
  earlier: 'Gemeldete Schäden',
  reportedAt: (when: string, who: string | null) =>
    who ? `Gemeldet ${when} von ${who}` : `Gemeldet ${when}`,
  stillDrivable: 'fahrbereit',
  notDrivable: 'nicht fahrbereit',
  photoAlt: (n: number) => `Foto ${n} des Schadens`,
};

export const damageEn: typeof damageDe = {
  title: 'Report damage',
  intro: 'Did you notice damage to the car? Describe it; the fleet office will be told.',
  description: 'What is damaged?',
  descriptionHint: 'For example: scratch on the passenger door, cracked windscreen.',
  drivable: 'Can the car still be driven?',
  drivableYes: 'Yes, drivable',
  drivableNo: 'No, not drivable',
  photos: 'Photos (optional, JPEG, PNG or WebP, up to 10 MB each)',
  submit: 'Report damage',
  busy: 'Reporting …',
  reported: (photos: number) =>
    photos === 0
      ? 'The damage has been reported. The fleet office has been told.'
      : `The damage has been reported with ${photos === 1 ? 'one photo' : `${photos} photos`}. The fleet office has been told.`,
  photoFailed: (name: string, reason: string) => `The photo “${name}” was not saved: ${reason}`,
  earlier: 'Reported damage',
  reportedAt: (when: string, who: string | null) => (who ? `Reported ${when} by ${who}` : `Reported ${when}`),
  stillDrivable: 'drivable',
  notDrivable: 'not drivable',
  photoAlt: (n: number) => `Photo ${n} of the damage`,
};

export const logbookDe = {
  title: 'Fahrtenbuch',
  states: {
    open: (until: string) =>
      `Ihre Kommune führt ein Fahrtenbuch. Bitte tragen Sie Zweck und Ziel der Fahrt ein – möglich bis ${until}.`,
    notYetOpen: (until: string) =>
      `Ihre Kommune führt ein Fahrtenbuch. Sie können es ab Beginn der Buchung bis ${until} ausfüllen.`,
    closed: (until: string) => `Das Fahrtenbuch dieser Buchung ließ sich bis ${until} ausfüllen.`,
    readOnly: (until: string) => `Einträge der buchenden Person (möglich bis ${until}).`,
  },
  purpose: 'Zweck der Fahrt',
  destination: 'Ziel',
  personVisited: 'Besuchte Person oder Stelle (optional)',
  save: 'Im Fahrtenbuch speichern',
  change: 'Änderung speichern',
  busy: 'Wird gespeichert …',
  saved: 'Der Fahrtenbucheintrag ist gespeichert.',
  empty: 'Noch kein Eintrag.',
  history: 'Verlauf der Einträge',
  version: (when: string, who: string | null) => (who ? `${when}, ${who}` : when),
};

export const logbookEn: typeof logbookDe = {
  title: 'Logbook',
  states: {
    open: (until: string) =>
      `Your municipality keeps a logbook. Please enter the purpose and destination of the trip – possible until ${until}.`,
    notYetOpen: (until: string) =>
      `Your municipality keeps a logbook. You can fill it in from the start of the booking until ${until}.`,
    closed: (until: string) => `The logbook of this booking could be filled in until ${until}.`,
    readOnly: (until: string) => `Entries of the person who booked (possible until ${until}).`,
  },
  purpose: 'Purpose of the trip',
  destination: 'Destination',
  personVisited: 'Person or office visited (optional)',
  save: 'Save to the logbook',
  change: 'Save change',
  busy: 'Saving …',
  saved: 'The logbook entry has been saved.',
  empty: 'No entry yet.',
  history: 'History of entries',
  version: (when: string, who: string | null) => (who ? `${when}, ${who}` : when),
};
