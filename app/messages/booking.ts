import { bookingsDe } from './bookings';
import { damageDe, logbookDe } from './damage';

/**
 * The German texts of one's bookings and the booking page at the car: only those pages and the
 * fleet's bring them (app/lib/texts-booking.tsx).
 */
export const bookingPageDe = {
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
  damage: damageDe,
  logbook: logbookDe,
};

export type BookingPageMessages = typeof bookingPageDe;
