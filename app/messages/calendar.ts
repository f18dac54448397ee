/** The calendar link's German texts (/kalender; app/lib/texts-calendar.tsx). */
export const calendarPageDe = {
  calendar: {
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
};

export type CalendarPageMessages = typeof calendarPageDe;
