import { auditDe } from './audit';
import { boxesDe } from './boxes';
import { complianceDe } from './compliance';
import { costsDe, settlementDe } from './costs';
import { dashboardDe } from './dashboard';
import { deStaff } from './de-staff';
import { fleetAdminDe } from './fleet-admin';
import { fleetCalendarDe, fleetDamageDe } from './fleet-damage';
import { sizingDe } from './privacy-sizing';

/** The fleet pages' German texts (app/(manage)), apart from de-staff.ts so booking pages do not carry them. */
export const deManage = {
  manage: {
    nav: deStaff.manage.nav,
    title: 'Fuhrpark',
    sections: {
      approvals: 'Freigaben',
      blocks: 'Sperrzeiten',
      rules: 'Buchungsregeln',
      costs: 'Kosten',
      settlement: 'Verrechnung',
      audit: 'Protokoll',
    },
    sectionsLabel: 'Bereiche des Fuhrparks',
    range: (from: string, to: string) => `${from} – ${to}`,
    approvals: {
      title: 'Buchungen zur Freigabe',
      intro:
        'Diese Buchungen Ihrer Fahrzeuge warten auf Ihre Entscheidung. Das Fahrzeug bleibt so lange vorgemerkt.',
      none: 'Keine Buchungen warten auf Freigabe.',
      booker: (name: string, municipality: string | null) =>
        municipality ? `${name} (${municipality})` : name,
      requested: (at: string) => `Angefragt am ${at}`,
      extension: (approvedUntil: string) =>
        `Verlängerung einer freigegebenen Buchung (bisher bis ${approvedUntil}). Bei Ablehnung bleibt es dabei.`,
      purpose: 'Zweck',
      approve: 'Freigeben',
      approving: 'Wird freigegeben …',
      decline: 'Ablehnen',
      declineReason: 'Grund der Ablehnung (wird der buchenden Person mitgeteilt)',
      declineSubmit: 'Ablehnung senden',
      declining: 'Wird abgelehnt …',
      back: 'Abbrechen',
      approved: (who: string) => `Buchung von ${who} freigegeben.`,
      declined: (who: string) => `Buchung von ${who} abgelehnt.`,
      reasonTooShort: 'Bitte einen Grund mit mindestens 3 Zeichen angeben.',
      linked: 'Die Anfrage aus Ihrer E-Mail',
      linkedGone:
        'Die Anfrage aus Ihrer E-Mail wartet nicht mehr auf eine Entscheidung: Sie wurde bereits entschieden oder zurückgezogen.',
    },
    blocks: {
      title: 'Sperrzeiten',
      intro:
        'Während einer Sperrzeit (Wartung, Reinigung, Schaden, Prüfung) kann das Fahrzeug nicht gebucht werden.',
      current: 'Laufende und kommende Sperrzeiten',
      none: 'Keine Sperrzeiten eingetragen.',
      cancel: 'Sperrzeit aufheben',
      cancelConfirm: 'Diese Sperrzeit aufheben? Das Fahrzeug ist danach wieder buchbar.',
      cancelled: 'Sperrzeit aufgehoben.',
      untilCleared: (from: string) => `ab ${from}, bis die Ursache behoben ist`,
      endsWithRecord:
        'Endet mit ihrer Ursache: eine UVV-Sperre mit der nächsten Prüfung (UVV), eine Schadenssperre mit dem Abschluss der Meldung (Schäden).',
      kinds: { maintenance: 'Wartung', cleaning: 'Reinigung', damage: 'Schaden', inspection: 'Prüfung' },
      newTitle: 'Fahrzeug sperren',
      vehicle: 'Fahrzeug',
      chooseVehicle: 'Bitte wählen',
      fromDate: 'Von (Datum)',
      fromTime: 'Von (Uhrzeit)',
      toDate: 'Bis (Datum)',
      toTime: 'Bis (Uhrzeit)',
      kind: 'Art',
      reason: 'Grund',
      reasonHint: 'Wird den Betroffenen mitgeteilt, wenn Buchungen umgebucht oder storniert werden.',
      check: 'Prüfen',
      checking: 'Wird geprüft …',
      previewTitle: 'Vorschau',
      noneAffected: 'In diesem Zeitraum gibt es keine Buchungen für das Fahrzeug.',
      affected: (n: number) =>
        n === 1 ? 'Diese Buchung liegt im Weg:' : `Diese ${n} Buchungen liegen im Weg:`,
      movedTo: (plate: string) => `wird auf ${plate} umgebucht`,
      willCancel: 'wird storniert – kein Ersatzfahrzeug frei',
      onTrip: 'Fahrzeug ist in dieser Zeit unterwegs – die Sperrzeit muss nach der Fahrt beginnen',
      otherCar: 'ein gleichwertiges Fahrzeug',
      confirm: 'Sperrzeit eintragen',
      confirmAffected: 'Sperren, umbuchen und stornieren',
      saving: 'Wird eingetragen …',
      change: 'Ändern',
      done: (moved: number, cancelled: number) => {
        const parts: string[] = [];
        if (moved > 0) parts.push(moved === 1 ? '1 Buchung umgebucht' : `${moved} Buchungen umgebucht`);
        if (cancelled > 0)
          parts.push(cancelled === 1 ? '1 Buchung storniert' : `${cancelled} Buchungen storniert`);
        return parts.length > 0
          ? `Sperrzeit eingetragen: ${parts.join(', ')}. Die Betroffenen werden benachrichtigt.`
          : 'Sperrzeit eingetragen. Keine Buchung war betroffen.';
      },
      incomplete: 'Bitte Fahrzeug, Beginn, Ende, Art und Grund angeben.',
    },
    rules: {
      title: 'Buchungsregeln',
      intro: 'Diese Regeln gelten für alle Buchungen der Fahrzeuge Ihrer Kommune.',
      municipality: 'Kommune',
      chooseMunicipality: 'Bitte wählen',
      horizonDays: 'Buchungshorizont (Tage)',
      horizonHint: 'So viele Tage im Voraus darf eine Buchung beginnen (1 bis 730).',
      maxDuration: 'Längste Buchung (Stunden)',
      maxDurationHint:
        'Länger darf eine einzelne Buchung nicht dauern, z. B. 8 für einen Arbeitstag, 336 = 14 Tage.',
      minLead: 'Vorlaufzeit (Minuten)',
      minLeadHint: 'So lange vor Beginn muss spätestens gebucht werden; 0 = auch kurzfristig.',
      othersMayBook: 'Fahrzeuge für andere Kommunen freigeben',
      othersMayBookHint: 'Mitarbeitende der anderen Kommunen der Region dürfen diese Fahrzeuge buchen.',
      othersFrom: 'Für andere buchbar ab (Uhrzeit)',
      othersUntil: 'Für andere buchbar bis (Uhrzeit)',
      othersHoursHint:
        'Beide leer lassen: rund um die Uhr. Sonst muss die Buchung ganz in diesen Stunden liegen.',
      noShowGrace: 'Kulanzzeit bis No-Show (Minuten)',
      noShowGraceHint:
        'Wird das Fahrzeug so lange nach Beginn nicht geöffnet, gilt die Buchung als nicht abgeholt.',
      maxFutureBookings: 'Höchstzahl offener Buchungen je Person',
      maxFutureBookingsHint:
        'So viele anstehende Buchungen darf eine Person bei Ihrer Kommune gleichzeitig haben.',
      approvalRequired: 'Buchungen brauchen eine Freigabe',
      approvalRequiredHint:
        'Neue Buchungen warten auf die Freigabe unter „Freigaben“; das Fahrzeug bleibt so lange vorgemerkt.',
      licenceInterval: 'Führerscheinkontrolle alle … Monate',
      licenceIntervalHint:
        'So lange gilt eine Kontrolle der eigenen Mitarbeitenden; läuft der Führerschein früher ab, gilt sie bis dahin.',
      save: 'Regeln speichern',
      saving: 'Wird gespeichert …',
      saved: 'Die Buchungsregeln sind gespeichert.',
    },
  },
  costs: costsDe,
  settlement: settlementDe,
  sizing: sizingDe,
  compliance: complianceDe,
  fleetAdmin: fleetAdminDe,
  boxes: boxesDe,
  fleetCalendar: fleetCalendarDe,
  audit: auditDe,
  dashboard: dashboardDe,
  fleetDamage: fleetDamageDe,
};

export type ManageMessages = typeof deManage;
