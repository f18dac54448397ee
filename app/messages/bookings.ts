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
