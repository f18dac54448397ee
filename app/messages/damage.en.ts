/** The English twins of ./damage.ts; imported into en.ts only, so German pages do not carry them. */
import type { damageDe, logbookDe } from './damage';

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
