import type { Mailer } from './mailer';
import type { MailMessage } from './message';

/** For tests: a mailer that keeps what it is given, in order, instead of sending it. */
export function recordingMailer(): { mailer: Mailer; sent: MailMessage[] } {
  const sent: MailMessage[] = [];
  const mailer: Mailer = {
    send: async (message) => {
      sent.push(message);
      return { messageId: `<${sent.length}@test>` };
    },
    close: () => {},
  };
  return { mailer, sent };
}
