import type { CalendarPageMessages } from './calendar';

/** The English twins of calendar.ts. */
export const calendarPageEn: CalendarPageMessages = {
  calendar: {
    title: 'Bookings in your own calendar',
    intro:
      'With a private calendar link your calendar program (Outlook, Thunderbird, Google Calendar, iPhone) shows your bookings and keeps them up to date: those of the last 60 days and all future ones. Cancelled bookings disappear again.',
    secret:
      'The link works like a password: whoever knows it sees your bookings. Do not pass it on. If it has fallen into the wrong hands, revoke it and create a new one.',
    none: 'You have no calendar link at the moment.',
    active: (created: string) => `Your calendar link is active (created on ${created}).`,
    lastFetched: (at: string) => `Last fetched by your calendar program: ${at}.`,
    neverFetched: 'Your calendar program has not fetched the link yet.',
    create: 'Create calendar link',
    replace: 'Create a new link',
    replaceConfirm: 'The current link will stop working. Create a new link?',
    creating: 'Creating …',
    yourLink: 'Your calendar link',
    onlyOnce:
      'This link is shown only now. Copy it and paste it into your calendar program. Later you can only create a new one.',
    copy: 'Copy link',
    copied: 'Link copied.',
    copyFailed: 'Copying was not possible. Please select and copy the link by hand.',
    openInApp: 'Open in calendar program',
    howTo: 'How to subscribe to the calendar',
    outlook: 'Outlook: Calendar → Add calendar → From the internet, paste the link.',
    thunderbird: 'Thunderbird: New calendar → On the network, paste the link, format iCalendar (ICS).',
    google:
      'Google Calendar (in the browser): Other calendars (+) → From URL, paste the link. Google fetches subscribed calendars only every 12 to 24 hours.',
    apple: 'iPhone and iPad: Settings → Calendar → Accounts → Add account → Other → Add subscribed calendar.',
    refresh:
      'Changes appear as soon as your program fetches the link again, after minutes to hours depending on the program. Confirmations and changes also arrive at once by e-mail, with the date attached.',
    revoke: 'Revoke link',
    revokeConfirm:
      'Really revoke the calendar link? Your calendar program will then receive no more bookings.',
    revoking: 'Revoking …',
    revoked: 'The calendar link is revoked.',
  },
};
