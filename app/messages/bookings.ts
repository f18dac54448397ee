/** Texts of „Meine Buchungen“ and the booking page at the car; spread into de.bookings. */

/** „1 Std. 5 Min.“: a span of time as the countdown says it (seconds only in the last hour). */
function spanDe(ms: number) {
  const total = Math.max(0, Math.floor(ms / 1000));
  const days = Math.floor(total / 86_400);
  const hours = Math.floor((total % 86_400) / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  if (days > 0) return `${days} ${days === 1 ? 'Tag' : 'Tagen'} ${hours} Std.`;
  if (hours > 0) return `${hours} Std. ${minutes} Min.`;
  return `${minutes} Min. ${seconds} Sek.`;
}

function spanEn(ms: number) {
  const total = Math.max(0, Math.floor(ms / 1000));
  const days = Math.floor(total / 86_400);
  const hours = Math.floor((total % 86_400) / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  if (days > 0) return `${days} ${days === 1 ? 'day' : 'days'} ${hours} h`;
  if (hours > 0) return `${hours} h ${minutes} min`;
  return `${minutes} min ${seconds} s`;
}

export const bookingsDe = {
  sections: { now: 'Jetzt', upcoming: 'Anstehend', past: 'Vergangen', closed: 'Storniert' },
  sectionHint: {
    now: 'Laufende Buchungen und solche, die in den nächsten zwei Stunden beginnen.',
    upcoming: '',
    past: '',
    closed: 'Stornierte, abgelehnte und nicht abgeholte Buchungen.',
  },
  sectionEmpty: {
    now: 'Gerade läuft keine Buchung.',
    upcoming: 'Keine anstehenden Buchungen.',
    past: 'Noch keine vergangenen Buchungen.',
    closed: 'Keine stornierten Buchungen.',
  },
  pages: (section: string) => `${section}: Seiten`,
  pageOf: (page: number, count: number, total: number) =>
    `Seite ${page} von ${count} (${total} ${total === 1 ? 'Buchung' : 'Buchungen'})`,
  previousPage: 'Vorherige Seite',
  nextPage: 'Nächste Seite',
  movedTo: (section: string) => `Sie steht jetzt unter „${section}“.`,
  open: 'Buchung öffnen',
  pageTitle: 'Buchung',
  startsIn: (ms: number) => `Beginnt in ${spanDe(ms)}`,
  endsIn: (ms: number) => `Endet in ${spanDe(ms)}`,
  overdue: (ms: number) => `Rückgabe seit ${spanDe(ms)} überfällig`,
  readOnly: 'Diese Buchung ist vorbei. Sie können sie nur noch ansehen.',
  directionsTitle: 'Weg zum Fahrzeug',
  directionsApp: 'Route in der Karten-App öffnen',
  directionsWeb: 'Standort auf OpenStreetMap zeigen',
  offline: (time: string) => `Offline – Stand von ${time} Uhr`,
  offlineNoData: 'Offline – diese Buchung wurde auf diesem Gerät noch nicht geöffnet.',
  appName: 'ParthelandMobil – Dienstwagen der Kommunen',
  appShortName: 'ParthelandMobil',
};

export const bookingsEn: typeof bookingsDe = {
  sections: { now: 'Now', upcoming: 'Upcoming', past: 'Past', closed: 'Cancelled' },
  sectionHint: {
    now: 'Running bookings and those starting within the next two hours.',
    upcoming: '',
    past: '',
    closed: 'Cancelled, declined and not collected bookings.',
  },
  sectionEmpty: {
    now: 'No booking is running right now.',
    upcoming: 'No upcoming bookings.',
    past: 'No past bookings yet.',
    closed: 'No cancelled bookings.',
  },
  pages: (section: string) => `${section}: pages`,
  pageOf: (page: number, count: number, total: number) =>
    `Page ${page} of ${count} (${total} ${total === 1 ? 'booking' : 'bookings'})`,
  previousPage: 'Previous page',
  nextPage: 'Next page',
  movedTo: (section: string) => `It is now listed under “${section}”.`,
  open: 'Open booking',
  pageTitle: 'Booking',
  startsIn: (ms: number) => `Starts in ${spanEn(ms)}`,
  endsIn: (ms: number) => `Ends in ${spanEn(ms)}`,
  overdue: (ms: number) => `Return overdue by ${spanEn(ms)}`,
  readOnly: 'This booking is over. You can only view it.',
  directionsTitle: 'Getting to the car',
  directionsApp: 'Open the route in the maps app',
  directionsWeb: 'Show the location on OpenStreetMap',
  offline: (time: string) => `Offline – as of ${time}`,
  offlineNoData: 'Offline – this booking has not been opened on this device yet.',
  appName: 'ParthelandMobil – municipal pool cars',
  appShortName: 'ParthelandMobil',
};
