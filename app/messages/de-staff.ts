import { bookingsDe } from './bookings';
import { damageDe, logbookDe } from './damage';
import { dashboardDe } from './dashboard';
import { fleetDamageDe } from './fleet-damage';
import { logbookBookDe } from './logbook-book';
import { mapDe } from './map';
import { peopleDe } from './people';
import { myTripsDe, tripLookupDe } from './privacy-sizing';
import { reportTableDe } from './report-table';
import { searchDe } from './search';
import { ssoDe } from './sso';
import { timelineDe } from './timeline';

/**
 * The German texts every page's client components may read: the booking pages', sign-in's and the
 * shared ones. The fleet pages' own texts are in de-manage.ts, which only their layout brings to
 * the browser (app/lib/i18n-manage.tsx); de.ts joins both for the server.
 */
export const deStaff = {
  app: { name: 'ParthelandMobil', tagline: 'Dienstwagen der Kommunen buchen' },
  nav: {
    search: 'Fahrzeug suchen',
    bookings: 'Meine Buchungen',
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
  signIn: {
    title: 'Anmelden',
    email: 'E-Mail-Adresse',
    password: 'Passwort',
    submit: 'Anmelden',
    busy: 'Anmeldung läuft …',
    failed: 'E-Mail-Adresse oder Passwort ist falsch.',
    tooManyAttempts: (seconds: number) => `Zu viele Versuche – bitte in ${seconds} Sekunden erneut versuchen`,
    tooManyAttemptsLater: 'Zu viele Versuche – bitte später erneut versuchen',
    noSignUp: 'Zugänge vergibt der Fuhrpark Ihrer Kommune.',
    deactivated: 'Ihr Konto ist deaktiviert. Bitte wenden Sie sich an die Fuhrparkverwaltung Ihrer Kommune.',
  },
  search: searchDe,
  logbookBook: logbookBookDe,
  series: {
    repeat: 'Jede Woche zur selben Zeit wiederholen',
    weeks: 'Wie viele Wochen',
    skipConflicts: 'Belegte Termine auslassen',
  },
  powertrain: { ev: 'Elektro', phev: 'Plug-in-Hybrid', ice: 'Verbrenner' },
  bookings: {
    ...bookingsDe,
    title: 'Meine Buchungen',
    cancel: 'Stornieren',
    cancelConfirm: 'Diese Buchung wirklich stornieren?',
    cancelled: 'Buchung storniert.',
    seriesCancelled: 'Die noch offenen Termine der Serie sind storniert.',
    changed: 'Das Ende der Buchung ist geändert.',
    changedPending:
      'Das Ende der Buchung ist geändert. Die zusätzliche Zeit muss der Fuhrpark noch freigeben; bis dahin ist sie für Sie vorgemerkt.',
    changeEnd: 'Ende ändern',
    newEndDate: 'Neues Ende: Datum',
    newEndTime: 'Uhrzeit',
    saveEnd: 'Ende speichern',
    cancelSeries: 'Ganze Serie stornieren',
    cancelSeriesConfirm: 'Alle noch nicht begonnenen Termine dieser Serie stornieren?',
    series: 'Serientermin',
    late: 'Rückgabe überfällig',
    confirmedTitle: 'Buchung bestätigt',
    confirmedText: 'Das Fahrzeug ist für Sie reserviert.',
    toList: 'Zu meinen Buchungen',
    purpose: 'Zweck',
    declinedTitle: 'Anfrage abgelehnt',
    declinedReason: (reason: string) =>
      `Die Fuhrparkverwaltung hat Ihre Anfrage abgelehnt. Begründung: ${reason}`,
    cancelledReason: (reason: string) =>
      `Die Fuhrparkverwaltung hat die Buchung storniert. Begründung: ${reason}`,
    downloadIcs: 'Termin für den Kalender herunterladen (.ics)',
  },
  status: {
    pending: 'Wartet auf Freigabe',
    reserved: 'Reserviert',
    active: 'Unterwegs',
    completed: 'Abgeschlossen',
    cancelled: 'Storniert',
    no_show: 'Nicht abgeholt',
  },
  calendar: {
    nav: 'Kalender',
    title: 'Buchungen im eigenen Kalender',
    intro:
      'Mit einem privaten Kalender-Link zeigt Ihr Kalenderprogramm (Outlook, Thunderbird, Google Kalender, iPhone) Ihre Buchungen an und hält sie aktuell: die der letzten 60 Tage und alle künftigen. Stornierte Buchungen verschwinden wieder.',
    secret:
      'Der Link wirkt wie ein Passwort: Wer ihn kennt, sieht Ihre Buchungen. Geben Sie ihn nicht weiter. Ist er in falsche Hände geraten, sperren Sie ihn und erstellen Sie einen neuen.',
    none: 'Sie haben derzeit keinen Kalender-Link.',
    active: (created: string) => `Ihr Kalender-Link ist aktiv (erstellt am ${created}).`,
    lastFetched: (at: string) => `Zuletzt von Ihrem Kalenderprogramm abgerufen: ${at}.`,
    neverFetched: 'Ihr Kalenderprogramm hat den Link noch nicht abgerufen.',
    create: 'Kalender-Link erstellen',
    replace: 'Neuen Link erstellen',
    replaceConfirm: 'Der bisherige Link funktioniert danach nicht mehr. Einen neuen Link erstellen?',
    creating: 'Wird erstellt …',
    yourLink: 'Ihr Kalender-Link',
    onlyOnce:
      'Dieser Link wird nur jetzt angezeigt. Kopieren Sie ihn und fügen Sie ihn in Ihrem Kalenderprogramm ein. Später können Sie nur einen neuen erstellen.',
    copy: 'Link kopieren',
    copied: 'Link kopiert.',
    copyFailed: 'Kopieren war nicht möglich. Bitte markieren und kopieren Sie den Link von Hand.',
    openInApp: 'Im Kalenderprogramm öffnen',
    howTo: 'So abonnieren Sie den Kalender',
    outlook: 'Outlook: Kalender → Kalender hinzufügen → Aus dem Internet, Link einfügen.',
    thunderbird: 'Thunderbird: Neuer Kalender → Im Netzwerk, Link einfügen, Format iCalendar (ICS).',
    google:
      'Google Kalender (im Browser): Weitere Kalender (+) → Per URL, Link einfügen. Google ruft abonnierte Kalender nur etwa alle 12 bis 24 Stunden neu ab.',
    apple:
      'iPhone und iPad: Einstellungen → Kalender → Accounts → Account hinzufügen → Andere → Kalenderabo hinzufügen.',
    refresh:
      'Änderungen erscheinen, sobald Ihr Programm den Link wieder abruft, je nach Programm nach Minuten bis Stunden. Bestätigungen und Änderungen kommen zusätzlich sofort per E-Mail, mit dem Termin im Anhang.',
    revoke: 'Link sperren',
    revokeConfirm: 'Kalender-Link wirklich sperren? Ihr Kalenderprogramm erhält danach keine Buchungen mehr.',
    revoking: 'Wird gesperrt …',
    revoked: 'Der Kalender-Link ist gesperrt.',
  },
  car: {
    title: 'Fahrzeug öffnen',
    hint: 'Am Fahrzeug drücken: Das Gateway der Station überträgt den Befehl per Bluetooth.',
    keyFrom: (time: string) => `Der digitale Schlüssel gilt ab ${time} Uhr.`,
    unlock: 'Entriegeln',
    lock: 'Verriegeln',
    end: 'Fahrt beenden',
    endAfterUnlock: '„Fahrt beenden“ gibt es, sobald das Fahrzeug mit dieser Buchung entriegelt ist.',
    stages: {
      queued: 'Auftrag an die Station gesendet …',
      connecting: 'Verbindung wird aufgebaut …',
      connected: 'Mit dem Fahrzeug verbunden …',
      challenged: 'Befehl wird übertragen …',
    },
    answered: 'Box hat geantwortet:',
    refused: 'Die Box hat abgelehnt:',
    failed: 'Das hat nicht geklappt:',
    trip: {
      title: 'Ihre Fahrt',
      waiting: 'Die Fahrtdaten kommen vom Fahrzeug …',
      none: 'Zu dieser Buchung liegen keine Fahrtdaten vor.',
      distance: 'Strecke',
      energy: 'Energie',
      duration: 'Dauer',
      soc: 'Ladestand Start/Ende',
      km: (km: number) => `${km.toLocaleString('de-DE', { maximumFractionDigits: 1 })} km`,
      kwh: (kwh: number) => `${kwh.toLocaleString('de-DE', { maximumFractionDigits: 2 })} kWh`,
      minutes: (minutes: number) =>
        minutes < 60
          ? `${minutes} min`
          : `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`,
      socRange: (start: number | null, end: number | null) =>
        `${start === null ? '–' : `${start} %`} → ${end === null ? '–' : `${end} %`}`,
      unknown: '–',
    },
    simulator: {
      title: 'Simulator',
      intro: 'Nur in der Demo: Statt echter Hardware steht hier ein simuliertes Fahrzeug.',
      openDoor: 'Tür öffnen',
      closeDoor: 'Tür schließen',
      ignitionOn: 'Zündung an',
      ignitionOff: 'Zündung aus',
      drive: '10 km fahren',
      charge: '30 min laden',
      locked: 'Verriegelt',
      unlocked: 'Entriegelt',
      doorOpen: 'Tür offen',
      doorClosed: 'Tür zu',
      ignitionIsOn: 'Zündung an',
      ignitionIsOff: 'Zündung aus',
      odometer: (km: number) =>
        `Kilometerstand ${km.toLocaleString('de-DE', { maximumFractionDigits: 1 })} km`,
      soc: (percent: number) => `Ladestand ${percent} %`,
      carTime: (time: string) => `Uhr im Fahrzeug ${time}`,
    },
  },
  manage: {
    nav: 'Fuhrpark',
  },
  errors: {
    generic: 'Das hat nicht geklappt. Bitte versuchen Sie es erneut.',
    loading: 'Wird geladen …',
  },
  map: mapDe,
  reportTable: reportTableDe,
  dashboard: dashboardDe,
  myTrips: myTripsDe,
  tripLookup: tripLookupDe,
  damage: damageDe,
  logbook: logbookDe,
  timeline: timelineDe,
  fleetDamage: fleetDamageDe,
  sso: ssoDe,
  people: peopleDe,
};

/** The shape of the booking pages' texts in every language (en-staff.ts). */
export type StaffMessages = typeof deStaff;
