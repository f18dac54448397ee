/** How the sentences name a municipality: its name, and the German cases with the article from the region file. */
export interface MunicipalityNames {
  name: string;
  genitive: string;
  dative: string;
}

/** Every German text the server writes (mails, calendar files, booking rules), in one place; en.ts has the same keys. */
export const de = {
  dates: {
    /** After a bare time of day: "09:00 Uhr". */
    clock: (time: string) => `${time} Uhr`,
    sameDay: (start: string, endTime: string) => `${start}–${endTime} Uhr`,
    acrossDays: (start: string, end: string) => `${start} Uhr bis ${end} Uhr`,
  },
  mail: {
    greeting: (name: string) => `Guten Tag ${name},`,
    signature: (product: string) => `Ihr ${product}`,
    footer: (product: string) =>
      `Diese Nachricht wurde automatisch von ${product} versandt. Bitte antworten Sie nicht auf diese E-Mail.`,
    facts: {
      vehicle: 'Fahrzeug',
      period: 'Zeitraum',
      station: 'Station',
      purpose: 'Zweck',
      bookedBy: 'Gebucht von',
      description: 'Beschreibung',
      drivable: 'Fahrbereit',
      yes: 'ja',
      no: 'nein',
    },
    actions: {
      viewBooking: 'Buchung ansehen',
      viewRequest: 'Anfrage ansehen',
      reviewRequest: 'Anfrage prüfen',
      bookAlternative: 'Ersatzfahrzeug buchen',
      fleet: 'Zum Fuhrpark',
      myBookings: 'Meine Buchungen',
      signIn: 'Zur Anmeldung',
      recordLicenceCheck: 'Kontrolle erfassen',
    },
    reason: (reason: string | null) =>
      reason ? `Begründung: ${reason}` : 'Eine Begründung wurde nicht angegeben.',
    openWithApp: 'Das Fahrzeug öffnen Sie mit der App, frühestens 10 Minuten vor Beginn.',
    confirmation: {
      subject: (plate: string, when: string) => `Buchung bestätigt: ${plate} am ${when}`,
      intro: 'Ihre Buchung ist bestätigt. Den Termin für Ihren Kalender finden Sie im Anhang.',
      outro:
        'Das Fahrzeug öffnen Sie mit der App, frühestens 10 Minuten vor Beginn. Bitte stornieren Sie rechtzeitig, wenn Sie das Fahrzeug nicht mehr brauchen.',
    },
    changed: {
      subject: (plate: string, when: string) => `Buchung geändert: ${plate} am ${when}`,
      extended: (end: string, before: string) =>
        `Ihre Buchung wurde verlängert: Sie endet jetzt ${end} Uhr statt ${before} Uhr.`,
      shortened: (end: string, before: string) =>
        `Ihre Buchung wurde verkürzt: Sie endet jetzt ${end} Uhr statt ${before} Uhr.`,
      rescheduled: (range: string, before: string) =>
        `Ihre Buchung wurde verschoben: jetzt ${range}, bisher ${before}.`,
      vehicle: (car: string, station: string | null, before: string) =>
        `Ihre Buchung wurde auf ein anderes Fahrzeug umgebucht: ${car}${station ? ` an der Station ${station}` : ''} statt ${before}.`,
      byManager: (name: string, reason: string | null) =>
        `Die Änderung hat ${name} (Fuhrparkverwaltung) vorgenommen${reason ? `. Begründung: ${reason}` : '.'}`,
      outro: 'Der Termin im Anhang ersetzt den bisherigen in Ihrem Kalender.',
    },
    cancelled: {
      subject: (plate: string, when: string) => `Buchung storniert: ${plate} am ${when}`,
      byBooker: 'Sie haben Ihre Buchung storniert. Das Fahrzeug ist für andere wieder frei.',
      byManager: (name: string) => `Ihre Buchung wurde von ${name} (Fuhrparkverwaltung) storniert.`,
      next: 'Bitte buchen Sie bei Bedarf ein anderes Fahrzeug. Bei Fragen wenden Sie sich an Ihre Fuhrparkverwaltung.',
      outro: 'Mit dem Anhang wird der Termin aus Ihrem Kalender entfernt.',
    },
    reminder: {
      subject: (plate: string, time: string) => `Erinnerung: ${plate} ab ${time} Uhr`,
      intro: (when: string) => `Ihre Buchung beginnt ${when} Uhr.`,
      outro:
        'Das Fahrzeug öffnen Sie mit der App, frühestens 10 Minuten vor Beginn. Wenn Sie es nicht mehr brauchen, stornieren Sie bitte jetzt, damit andere es nutzen können.',
    },
    noShow: {
      subject: (plate: string, when: string) => `Buchung verfallen: ${plate} am ${when}`,
      intro: (graceMinutes: number) =>
        `Das Fahrzeug wurde bis ${graceMinutes} Minuten nach Beginn Ihrer Buchung nicht geöffnet. Die Buchung ist deshalb verfallen und das Fahrzeug für andere freigegeben.`,
      rebook: 'Wenn Sie das Fahrzeug doch noch brauchen, buchen Sie es bitte neu.',
    },
    lateReturn: {
      subject: (plate: string, when: string) => `Fahrzeug noch nicht zurück: ${plate} für ${when}`,
      intro: (car: string, when: string) =>
        `Das Fahrzeug ${car}, das Sie ab ${when} Uhr gebucht haben, ist von der vorherigen Fahrt noch nicht zurück.`,
      offer: (car: string, place: string) =>
        `Wir können Ihnen stattdessen ${car} an der Station ${place} anbieten.`,
      noOffer: 'Ein anderes freies Fahrzeug haben wir für Ihren Zeitraum leider nicht gefunden.',
      outro: 'Ihre Buchung bleibt bestehen, bis Sie sie ändern oder stornieren.',
    },
    approvalPending: {
      subject: (plate: string, when: string) => `Buchung angefragt: ${plate} am ${when}`,
      intro: [
        'Ihre Buchung muss von der Fuhrparkverwaltung der Kommune genehmigt werden, der das Fahrzeug gehört. Erst mit der Genehmigung ist sie verbindlich.',
        'Sie erhalten eine weitere Nachricht, sobald entschieden ist.',
      ],
    },
    approvalRequested: {
      subject: (plate: string, when: string) => `Genehmigung erbeten: ${plate} am ${when}`,
      intro: (booker: string) =>
        `${booker} möchte ein Fahrzeug Ihrer Kommune buchen und bittet um Genehmigung.`,
    },
    approvalGranted: {
      subject: (plate: string, when: string) => `Buchung genehmigt: ${plate} am ${when}`,
      intro:
        'Ihre Buchung wurde genehmigt und ist jetzt bestätigt. Der Termin im Anhang ersetzt die Vormerkung.',
    },
    approvalDeclined: {
      subject: (plate: string, when: string) => `Buchung abgelehnt: ${plate} am ${when}`,
      intro: (name: string) => `Ihre Buchungsanfrage wurde von ${name} (Fuhrparkverwaltung) abgelehnt.`,
      nextOther: 'Bitte wählen Sie ein anderes Fahrzeug, zum Beispiel eines Ihrer eigenen Kommune.',
      nextOwn:
        'Bitte wählen Sie einen anderen Zeitraum oder ein anderes Fahrzeug. Bei Fragen wenden Sie sich an Ihre Fuhrparkverwaltung.',
      outro: 'Mit dem Anhang wird die Vormerkung aus Ihrem Kalender entfernt.',
    },
    damage: {
      subject: (plate: string, drivable: boolean) =>
        `Schaden gemeldet: ${plate}${drivable ? '' : ' – nicht fahrbereit'}`,
      intro: 'Zu einem Fahrzeug Ihrer Kommune wurde ein Schaden gemeldet.',
      drivable: 'Laut Meldung ist das Fahrzeug noch fahrbereit.',
      notDrivable:
        'Laut Meldung ist das Fahrzeug nicht mehr fahrbereit. Bitte prüfen Sie, ob es gesperrt werden muss.',
    },
    licence: {
      subject: (until: string) => `Ihre Führerscheinkontrolle läuft am ${until} ab`,
      intro: (until: string) => [
        `Ihre Führerscheinkontrolle ist bis zum ${until} gültig. Danach können Sie keine Dienstwagen mehr buchen, und Ihre Buchungen nach diesem Tag werden gesperrt.`,
        'Bitte lassen Sie Ihren Führerschein rechtzeitig vorher bei Ihrer Fuhrparkverwaltung kontrollieren.',
      ],
      managerSubject: (name: string, until: string) =>
        `Führerscheinkontrolle von ${name} läuft am ${until} ab`,
      managerIntro: (name: string, email: string, until: string) => [
        `Die Führerscheinkontrolle von ${name} (${email}) ist bis zum ${until} gültig. Danach kann ${name} keine Dienstwagen mehr buchen, und Buchungen nach diesem Tag werden gesperrt.`,
        'Bitte vereinbaren Sie rechtzeitig eine neue Kontrolle. Die Person ist ebenfalls benachrichtigt.',
      ],
    },
    signInLocked: {
      subject: 'Anmeldung vorübergehend gesperrt',
      intro: (failures: number, until: string) => [
        `Für Ihren Zugang wurde ${failures}-mal hintereinander ein falsches Passwort eingegeben. Zum Schutz Ihres Kontos ist die Anmeldung deshalb bis ${until} Uhr gesperrt; jeder weitere Fehlversuch verlängert die Sperre.`,
        'Waren Sie das selbst, warten Sie bitte ab und melden Sie sich dann wie gewohnt an.',
        'Waren Sie es nicht, wenden Sie sich bitte an die Fuhrparkverwaltung Ihrer Kommune. Sie kann die Sperre sofort aufheben.',
      ],
    },
  },
  /** The booking rules' sentences: why a booking is refused or a car not offered. */
  policy: {
    days: (n: number) => (n === 1 ? '1 Tag' : `${n} Tage`),
    hours: (n: number) => (n === 1 ? '1 Stunde' : `${n} Stunden`),
    minutes: (n: number) => `${n} Minuten`,
    noLicenceCheck: 'Keine gültige Führerscheinkontrolle hinterlegt – bitte beim Fuhrpark melden',
    licenceCheckExpired: (date: string) =>
      `Führerscheinkontrolle abgelaufen am ${date} – bitte beim Fuhrpark melden`,
    maxDuration: (duration: string) => `Eine Buchung darf höchstens ${duration} dauern.`,
    horizon: (days: number) => `Buchungen sind höchstens ${days} Tage im Voraus möglich.`,
    leadTime: (duration: string) => `Buchungen sind nur mit mindestens ${duration} Vorlauf möglich.`,
    maxFutureBookings: (open: number, owner: MunicipalityNames, most: number) =>
      `Sie haben bereits ${open} anstehende Buchungen bei ${owner.dative}; mehr als ${most} sind nicht möglich.`,
    othersNotAllowed: (owner: MunicipalityNames) =>
      `Fahrzeuge ${owner.genitive} können nur von eigenen Mitarbeitenden gebucht werden.`,
    othersHours: (owner: MunicipalityNames, from: string, until: string) =>
      `Für Mitarbeitende anderer Kommunen sind Fahrzeuge ${owner.genitive} nur zwischen ${from} und ${until} Uhr buchbar.`,
  },
  /** At the car: how far a command has come, and what the box answered. */
  car: {
    queued: 'Der Auftrag wartet auf das Gateway der Station.',
    connecting: 'Das Gateway baut die Verbindung zum Fahrzeug auf.',
    connected: 'Mit dem Fahrzeug verbunden.',
    transmitting: 'Der Befehl wird an das Fahrzeug übertragen.',
    ok: {
      unlock: 'Das Fahrzeug ist entriegelt.',
      lock: 'Das Fahrzeug ist verriegelt.',
      end: 'Die Fahrt ist beendet und das Fahrzeug verriegelt.',
      revocation: 'Der Schlüssel wurde in der Box gesperrt.',
    },
    vehicleState: {
      door: 'Eine Tür ist noch offen. Bitte zuerst alle Türen schließen.',
      ignition: 'Die Zündung ist noch eingeschaltet. Bitte zuerst die Zündung ausschalten.',
      unknown: 'Das Fahrzeug lässt das gerade nicht zu: Eine Tür ist offen oder die Zündung eingeschaltet.',
    },
    status: {
      MALFORMED: 'Die Box konnte den Befehl nicht lesen.',
      BAD_CA_SIGNATURE: 'Die Box erkennt den Schlüssel nicht an (Signatur der Flotte ungültig).',
      WRONG_BOX: 'Der Schlüssel gilt für ein anderes Fahrzeug.',
      NOT_YET_VALID: 'Der Schlüssel gilt laut Uhr der Box noch nicht.',
      EXPIRED: 'Der Schlüssel ist abgelaufen.',
      BAD_HOLDER_SIGNATURE: 'Der Befehl war nicht gültig signiert.',
      STALE_NONCE: 'Die Anfrage an die Box war veraltet. Bitte erneut versuchen.',
      REVOKED: 'Der Schlüssel wurde widerrufen.',
      NOT_PERMITTED: 'Dieser Schlüssel erlaubt diese Aktion nicht.',
      // Answers to a trust update of the fleet CA rotation (operator's page only).
      STALE_UPDATE: 'Die Box hat eine neuere Schlüsseländerung und wies diese ältere ab.',
      LAST_ANCHOR: 'Die Box würde ohne Flottenschlüssel dastehen und wies das ab.',
      ANCHORS_FULL: 'Die Box kennt schon zwei Flottenschlüssel; erst einer muss entfernt werden.',
    },
    unknownStatus: (name: string) => `Unbekannte Antwort der Box (${name}).`,
    failure: {
      NOT_IN_RANGE: 'Das Fahrzeug ist nicht in Reichweite des Gateways der Station.',
      LINK_DROPPED: 'Die Bluetooth-Verbindung ist abgebrochen. Bitte erneut versuchen.',
      TIMEOUT: 'Das Fahrzeug hat nicht rechtzeitig geantwortet.',
      BLUETOOTH: 'Am Gateway der Station ist ein Bluetooth-Fehler aufgetreten.',
      EXPIRED: 'Der Auftrag ist abgelaufen, bevor das Fahrzeug erreicht wurde.',
      BAD_RESPONSE: 'Die Antwort der Box war nicht gültig signiert und wurde verworfen.',
      BAD_FRAME: 'Die Daten der Box waren beschädigt.',
      WRONG_BOX: 'In Reichweite war eine andere Box als die des Fahrzeugs.',
    },
    failed: 'Der Auftrag ist fehlgeschlagen.',
  },
  calendar: {
    files: { booking: 'buchung.ics', cancellation: 'stornierung.ics', feed: 'buchungen.ics' },
    summary: (plate: string, car: string) => `Dienstwagen ${plate} (${car})`,
    pending: (summary: string) => `${summary} – Genehmigung ausstehend`,
    purpose: (purpose: string) => `Zweck: ${purpose}`,
    vehicle: (car: string, plate: string) => `Fahrzeug: ${car}, Kennzeichen ${plate}`,
    station: (place: string) => `Abholung und Rückgabe: ${place}`,
    link: (url: string) => `Buchung ansehen oder ändern: ${url}`,
    feedName: (product: string) => `${product} – Meine Buchungen`,
    feedDescription: (product: string) => `Dienstwagen-Buchungen aus ${product}`,
  },
};

export type ServerMessages = typeof de;
