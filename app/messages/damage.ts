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
