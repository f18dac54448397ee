// Test helper only: a process that writes one large mail through fileMailer, to be killed mid-write.
import { fileMailer } from './mailer';

const [directory = '', megabytes = '24'] = process.argv.slice(2);
const mailer = fileMailer(directory, 'ParthelandMobil <noreply@localhost>', () => {});
await mailer.send({
  to: { name: 'Anna Müller', email: 'anna.mueller@brandis.example' },
  subject: 'Große Nachricht',
  text: `${'x'.repeat(Number(megabytes) * 1024 * 1024)}\nENDE DER NACHRICHT`,
});
mailer.close();
