import type { CalendarOptions, CalendarSettings, Person } from '../calendar/types';
import { messagesFor } from '../messages/catalog';
import { escapeHtml } from './format';

/** A mail as plain data: what the outbox stores and the Mailer sends. */
export type MailMessage = {
  to: Person;
  subject: string;
  text: string;
  html?: string;
  /**
   * The booking as .ics. The mailer sends it the way calendar clients recognise an invitation:
   * as a text/calendar alternative with the method (Outlook's buttons) and as an attached file.
   */
  icalEvent?: { method: 'REQUEST' | 'CANCEL'; filename: string; content: string };
};

/** What every template needs besides its booking: the calendar settings, the app's address, the recipient's language. */
export type MailContext = CalendarOptions;

/** The same for the whole process (the outbox worker's): each mail adds its recipient's language. */
export type MailSettings = CalendarSettings;

type Fact = readonly [label: string, value: string];

export type MailParts = {
  to: Person;
  subject: string;
  /** Paragraphs before the facts. */
  intro: string[];
  facts?: Fact[];
  /** Paragraphs after the facts. */
  outro?: string[];
  action?: { label: string; url: string };
  icalEvent?: MailMessage['icalEvent'];
};

/** One structure, two renderings: the text and the HTML say the same, and HTML is always escaped. */
export function compose(
  { productName, language }: Pick<MailContext, 'productName' | 'language'>,
  parts: MailParts,
): MailMessage {
  const t = messagesFor(language).mail;
  const greeting = t.greeting(parts.to.name);
  const signature = t.signature(productName);
  const footer = t.footer(productName);
  const facts = parts.facts ?? [];
  const outro = parts.outro ?? [];
  const labelWidth = Math.max(0, ...facts.map(([label]) => label.length)) + 2;

  const text = [
    greeting,
    ...parts.intro,
    facts.map(([label, value]) => `${`${label}:`.padEnd(labelWidth)}${value}`).join('\n'),
    ...outro,
    parts.action ? `${parts.action.label}: ${parts.action.url}` : '',
    signature,
    `-- \n${footer}`,
  ]
    .filter((block) => block !== '')
    .join('\n\n');

  const paragraph = (content: string) => `<p>${escapeHtml(content).replaceAll('\n', '<br>')}</p>`;
  const html = [
    `<!doctype html><html lang="${language}"><head><meta charset="utf-8"></head>`,
    '<body style="font-family: Arial, sans-serif; font-size: 15px; color: #1a1a1a">',
    paragraph(greeting),
    ...parts.intro.map(paragraph),
    facts.length > 0
      ? `<table style="border-collapse: collapse">${facts
          .map(
            ([label, value]) =>
              `<tr><th style="text-align: left; padding: 2px 12px 2px 0; vertical-align: top">${escapeHtml(label)}</th><td style="padding: 2px 0">${escapeHtml(value)}</td></tr>`,
          )
          .join('')}</table>`
      : '',
    ...outro.map(paragraph),
    parts.action
      ? `<p><a href="${escapeHtml(parts.action.url)}" style="color: #00573f; font-weight: bold">${escapeHtml(parts.action.label)}</a></p>`
      : '',
    paragraph(signature),
    `<p style="color: #666; font-size: 12px">${escapeHtml(footer)}</p>`,
    '</body></html>',
  ]
    .filter((block) => block !== '')
    .join('\n');

  const message: MailMessage = { to: parts.to, subject: parts.subject, text, html };
  if (parts.icalEvent) message.icalEvent = parts.icalEvent;
  return message;
}
