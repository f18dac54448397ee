import type { StaffMessages } from './de-staff';
import { mapEn } from './map.en';
import { searchEn } from './search.en';

/** The English twins of de-staff.ts. */
export const enStaff: StaffMessages = {
  app: { name: 'ParthelandMobil', tagline: 'Book the municipalities’ pool cars' },
  nav: {
    search: 'Find a car',
    bookings: 'My bookings',
    myTrips: 'My trips',
    calendar: 'Calendar',
    timeline: 'Timeline',
    reports: 'Reports',
    profile: 'My profile',
    signOut: 'Sign out',
    label: 'Main navigation',
  },
  language: { switchTo: 'Deutsch', switchLabel: 'Auf Deutsch wechseln (language: German)' },
  skipLink: 'Skip to content',
  notFound: {
    title: 'Page not found',
    text: 'This page does not exist (any more). Perhaps its address has changed.',
    home: 'To the start page',
  },
  search: searchEn,
  series: {
    repeat: 'Repeat every week at the same time',
    weeks: 'How many weeks',
    skipConflicts: 'Skip dates that are taken',
  },
  powertrain: { ev: 'Electric', phev: 'Plug-in hybrid', ice: 'Combustion' },
  manage: {
    nav: 'Fleet',
  },
  errors: {
    generic: 'That did not work. Please try again.',
    loading: 'Loading …',
  },
  openDamages: {
    title: 'Open damages of this car',
    hint: 'Known and reported – please look before you drive.',
    damage: (description: string, when: string) => `${description} (reported ${when})`,
  },
  map: mapEn,
};
