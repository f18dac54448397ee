import { mkdir, open, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import type { Env } from '../env';
import { logger } from '../logger';
import type { Settings } from '../settings';
import type { MailMessage, MailSettings } from './message';

/** Sends one message; the outbox calls it and records the id, or retries on a rejection. */
export interface Mailer {
  send(message: MailMessage): Promise<{ messageId: string }>;
  close(): void;
}

function nodemailerMessage(message: MailMessage, from: string) {
  return {
    from,
    to: { name: message.to.name, address: message.to.email },
    subject: message.subject,
    text: message.text,
    html: message.html,
    icalEvent: message.icalEvent,
  };
}

/** Mail through an SMTP server, e.g. smtp://user:pass@mail.example:587 or smtps://…:465. */
export function smtpMailer(url: string, from: string): Mailer {
  const transport = nodemailer.createTransport(url);
  return {
    async send(message) {
      const info = await transport.sendMail(nodemailerMessage(message, from));
      return { messageId: info.messageId };
    },
    close: () => transport.close(),
  };
}

const umlauts: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', Ä: 'Ae', Ö: 'Oe', Ü: 'Ue', ß: 'ss' };

/** A file name part a person recognises: "Buchung bestätigt" → "buchung-bestaetigt". */
const slug = (text: string) =>
  text
    .replace(/[äöüÄÖÜß]/g, (letter) => umlauts[letter] ?? letter)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40)
    .toLowerCase();

/**
 * Writes the file under a temporary name, flushed to disk, and renames it into place: a process
 * killed mid-write leaves a `.partial` file, never a truncated .eml that looks like a mail.
 */
async function writeWhole(file: string, content: Parameters<typeof writeFile>[1]): Promise<void> {
  const partial = `${file}.partial`;
  await writeFile(partial, content);
  const handle = await open(partial, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(partial, file);
}

/**
 * The demo and development transport: each message becomes an .eml file that any mail program
 * opens, with one line on the console, so nothing leaves the machine.
 */
export function fileMailer(
  directory: string,
  from: string,
  log: (line: string) => void = (line) => logger.info(line),
): Mailer {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  let counter = 0;
  return {
    async send(message) {
      const info = await transport.sendMail(nodemailerMessage(message, from));
      await mkdir(directory, { recursive: true });
      counter += 1;
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      const file = path.join(directory, `${stamp}-${counter}-${slug(message.subject)}.eml`);
      await writeWhole(file, info.message);
      log(`[mail] an ${message.to.email}: ${message.subject} → ${file}`);
      return { messageId: info.messageId };
    },
    close: () => transport.close(),
  };
}

/** SMTP when SMTP_URL is set, otherwise .eml files in MAIL_DIR (default DATA_DIR/mail). */
export function mailerFromEnv(env: Pick<Env, 'SMTP_URL' | 'MAIL_FROM' | 'MAIL_DIR' | 'DATA_DIR'>): Mailer {
  if (env.SMTP_URL) return smtpMailer(env.SMTP_URL, env.MAIL_FROM);
  return fileMailer(env.MAIL_DIR ?? path.join(env.DATA_DIR, 'mail'), env.MAIL_FROM);
}

/** "Name <noreply@example>" or a bare address (then named as the product), as the calendar files' ORGANIZER. */
export function senderOf(mailFrom: string, productName: string): { name: string; email: string } {
  const match = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(mailFrom);
  if (match?.[2]) return { name: match[1] || productName, email: match[2].trim() };
  return { name: productName, email: mailFrom.trim() };
}

export function mailContextFromEnv(
  env: Pick<Env, 'TIME_ZONE' | 'APP_URL' | 'MAIL_FROM'>,
  names: Pick<Settings, 'productName' | 'operatorName'>,
): MailSettings {
  return {
    timeZone: env.TIME_ZONE,
    appUrl: env.APP_URL,
    organizer: senderOf(env.MAIL_FROM, names.productName),
    productName: names.productName,
    operatorName: names.operatorName,
  };
}
