import { spawn } from 'node:child_process';
import { watch } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calendarOptions, parseIcs, sampleBooking } from '../calendar/test-support';
import { bookingConfirmation } from './booking-mails';
import { fileMailer, mailContextFromEnv, mailerFromEnv, senderOf, smtpMailer } from './mailer';
import { decodeHeader, leaves, parseMime } from './mime-test-support';

type Received = { from: string | undefined; to: string[]; raw: string };

const received: Received[] = [];
let server: SMTPServer;
let port = 0;
let mailDir = '';

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const from = session.envelope.mailFrom;
        received.push({
          from: from ? from.address : undefined,
          to: session.envelope.rcptTo.map((address) => address.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.server.address() as AddressInfo).port;
  mailDir = await mkdtemp(path.join(tmpdir(), 'parthelandmobil-mail-'));
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await rm(mailDir, { recursive: true, force: true });
});

const confirmation = () => bookingConfirmation(sampleBooking({ sequence: 0 }), calendarOptions);

describe('smtpMailer', () => {
  it('delivers a confirmation with the invitation a calendar client accepts', async () => {
    const mailer = smtpMailer(`smtp://127.0.0.1:${port}`, 'ParthelandMobil <noreply@partheland.example>');
    const { messageId } = await mailer.send(confirmation());
    mailer.close();

    expect(messageId).toMatch(/^<.+@.+>$/);
    expect(received).toHaveLength(1);
    const [mail] = received;
    if (!mail) throw new Error('nothing received');
    expect(mail.from).toBe('noreply@partheland.example');
    expect(mail.to).toEqual(['anna.mueller@brandis.example']);

    const message = parseMime(mail.raw);
    expect(decodeHeader(message.headers.get('subject') ?? '')).toBe(
      'Buchung bestätigt: L-BR 101E am Di., 01.12.2026, 09:00',
    );
    expect(decodeHeader(message.headers.get('to') ?? '')).toContain('anna.mueller@brandis.example');

    const parts = leaves(message);
    const text = parts.find((part) => part.headers.get('content-type')?.startsWith('text/plain'));
    expect(text?.body).toContain('Guten Tag Anna Müller,');
    expect(text?.body).toContain('Di., 01.12.2026, 09:00–12:30 Uhr');

    const invitation = parts.find((part) => /^text\/calendar/i.test(part.headers.get('content-type') ?? ''));
    expect(invitation?.headers.get('content-type')).toMatch(/method=REQUEST/);
    const calendar = parseIcs(invitation?.body ?? '');
    expect(calendar.method).toBe('REQUEST');
    expect(calendar.events[0]?.uid).toBe('6f1c2a3b-0000-4000-8000-000000000001@mobil.partheland.example');
    expect(calendar.events[0]?.start.toISOString()).toBe('2026-12-01T08:00:00.000Z');

    const attachment = parts.find((part) => part.headers.get('content-type')?.startsWith('application/ics'));
    expect(attachment?.headers.get('content-disposition')).toMatch(/attachment/);
    expect(parseIcs(attachment?.body ?? '').method).toBe('REQUEST');
  });

  it('rejects when the server cannot be reached, so the outbox can retry', async () => {
    const mailer = smtpMailer('smtp://127.0.0.1:1', 'noreply@partheland.example');
    await expect(mailer.send(confirmation())).rejects.toThrow();
    mailer.close();
  });
});

describe('fileMailer', () => {
  it('writes a readable .eml file and logs one line', async () => {
    const lines: string[] = [];
    const mailer = fileMailer(path.join(mailDir, 'demo'), 'ParthelandMobil <noreply@localhost>', (line) =>
      lines.push(line),
    );
    const { messageId } = await mailer.send(confirmation());
    mailer.close();

    expect(messageId).toMatch(/^<.+>$/);
    // Only the finished file: the temporary one it was written under is gone.
    const files = await readdir(path.join(mailDir, 'demo'));
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/buchung-bestaetigt-l-br-101e.*\.eml$/);
    expect(lines).toEqual([expect.stringContaining('anna.mueller@brandis.example')]);
    expect(lines[0]).toContain('Buchung bestätigt');

    const raw = await readFile(path.join(mailDir, 'demo', files[0] ?? ''), 'utf8');
    const message = parseMime(raw);
    expect(message.headers.get('from')).toContain('noreply@localhost');
    expect(message.headers.get('message-id')).toBe(messageId);
    const invitation = leaves(message).find((part) =>
      /^text\/calendar/i.test(part.headers.get('content-type') ?? ''),
    );
    expect(parseIcs(invitation?.body ?? '').method).toBe('REQUEST');
  });

  it('never leaves a partial .eml under its final name when the process is killed mid-write', async () => {
    const directory = path.join(mailDir, 'crash');
    await mkdir(directory);
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'server/notifications/file-mailer-child-test-support.ts', directory, '24'],
      { stdio: 'ignore' },
    );
    const exited = new Promise((resolve) => child.once('exit', resolve));
    // The first file that appears in the folder is the mail being written: kill at once (SIGKILL,
    // as the OOM killer or a power cut would; no handler runs).
    const watcher = watch(directory, () => child.kill('SIGKILL'));
    try {
      await exited;
    } finally {
      watcher.close();
    }
    const names = await readdir(directory);
    // Something was being written when the process died, and it is not an .eml.
    expect(names).toHaveLength(1);
    expect(names[0]).toMatch(/\.eml\.partial$/);
  });

  it('is what the configuration gives without SMTP_URL', async () => {
    const dataDir = path.join(mailDir, 'data');
    const mailer = mailerFromEnv({
      SMTP_URL: undefined,
      MAIL_FROM: 'ParthelandMobil <noreply@localhost>',
      MAIL_DIR: undefined,
      DATA_DIR: dataDir,
    });
    const original = console.info;
    console.info = () => {};
    try {
      await mailer.send(confirmation());
    } finally {
      console.info = original;
      mailer.close();
    }
    expect(await readdir(path.join(dataDir, 'mail'))).toHaveLength(1);
  });
});

describe('configuration', () => {
  it('takes the organizer of calendar files from MAIL_FROM, named as the product if it has no name', () => {
    expect(senderOf('ParthelandMobil <noreply@localhost>', 'Muldentalmobil')).toEqual({
      name: 'ParthelandMobil',
      email: 'noreply@localhost',
    });
    expect(senderOf('"Partheland mbH" <mobil@partheland.example>', 'Muldentalmobil')).toEqual({
      name: 'Partheland mbH',
      email: 'mobil@partheland.example',
    });
    expect(senderOf('noreply@localhost', 'Muldentalmobil')).toEqual({
      name: 'Muldentalmobil',
      email: 'noreply@localhost',
    });
    expect(
      mailContextFromEnv(
        { TIME_ZONE: 'Europe/Berlin', APP_URL: 'http://localhost:3000', MAIL_FROM: 'noreply@localhost' },
        { productName: 'Muldentalmobil', operatorName: 'Muldental Mobil GmbH' },
      ),
    ).toEqual({
      timeZone: 'Europe/Berlin',
      appUrl: 'http://localhost:3000',
      organizer: { name: 'Muldentalmobil', email: 'noreply@localhost' },
      productName: 'Muldentalmobil',
      operatorName: 'Muldental Mobil GmbH',
    });
  });
});
