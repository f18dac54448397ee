import { mapDe } from './map';
import { searchDe } from './search';

/**
 * The German texts every page's client components may read: the search's, the map's and the
 * shared ones (the menu, errors). The other pages' own texts come with those pages, through
 * app/lib/i18n-manage.tsx and app/lib/texts-*.tsx: the fleet pages' (de-manage.ts), the bookings'
 * (booking.ts), sign-in's and the profile's (account.ts), the trips' (trips.ts), the timeline's
 * (timeline.ts) and the calendar link's (calendar.ts); de.ts joins them all for the server.
 */
export const deStaff = {
  app: { name: 'ParthelandMobil', tagline: 'Dienstwagen der Kommunen buchen' },
  nav: {
    search: 'Fahrzeug suchen',
    bookings: 'Meine Buchungen',
    myTrips: 'Meine Fahrten',
    calendar: 'Kalender',
    timeline: 'Zeitplan',
    reports: 'Berichte',
    profile: 'Mein Profil',
    signOut: 'Abmelden',
    label: 'Hauptnavigation',
  },
  language: { switchTo: 'English', switchLabel: 'Switch to English (Sprache: Englisch)' },
  skipLink: 'Zum Inhalt springen',
  notFound: {
    title: 'Seite nicht gefunden',
    text: 'Diese Seite gibt es nicht (mehr). Vielleicht hat sich die Adresse geändert.',
    home: 'Zur Startseite',
  },
  search: searchDe,
  series: {
    repeat: 'Jede Woche zur selben Zeit wiederholen',
    weeks: 'Wie viele Wochen',
    skipConflicts: 'Belegte Termine auslassen',
  },
  powertrain: { ev: 'Elektro', phev: 'Plug-in-Hybrid', ice: 'Verbrenner' },
  manage: {
    nav: 'Fuhrpark',
  },
  errors: {
    generic: 'Das hat nicht geklappt. Bitte versuchen Sie es erneut.',
    loading: 'Wird geladen …',
  },
  map: mapDe,
  openDamages: {
    title: 'Offene Schäden an diesem Fahrzeug',
    hint: 'Bekannt und gemeldet – bitte vor der Fahrt ansehen.',
    damage: (description: string, when: string) => `${description} (gemeldet ${when})`,
  },
};

/** The shape of the booking pages' texts in every language (en-staff.ts). */
export type StaffMessages = typeof deStaff;
