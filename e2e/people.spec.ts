import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '../server/root';
import { expectAccessible } from './accessibility';
import { createWorld, personOf, removeWorld, type World } from './factories';
import { dayAhead, expect, test as shared, signInThroughApi } from './fixtures';
import { acceptInvitation, invitationLink, invitePerson, newPerson } from './people-steps';
import { mutate, query } from './trpc';

type Out = inferRouterOutputs<AppRouter>;

/** A world of its own per test: this spec adds and deactivates people, which no other spec must see. */
const test = shared.extend<{ ownWorld: World }>({
  ownWorld: async ({ request }, use) => {
    const world = await createWorld(request, { cars: [{ seats: 5 }, { seats: 5 }] });
    await use(world);
    await removeWorld(request, world);
  },
  managerPage: async ({ browser, ownWorld }, use) => {
    const context = await browser.newContext();
    await signInThroughApi(context.request, personOf(ownWorld, 'fleet_manager'));
    await use(await context.newPage());
    await context.close();
  },
});

// axe runs on every state, and the phone project is slower still on a busy machine.
test.describe.configure({ timeout: 300_000 });

test('a fleet manager invites a person, who sets a password, signs in and books; deactivation ends their session', async ({
  managerPage: manager,
  ownWorld,
  browser,
}) => {
  const person = newPerson();
  const password = 'Sommer-im-Partheland-26';
  await manager.goto('/fuhrpark/personen');
  await expect(manager.getByRole('heading', { level: 1, name: 'Personen' })).toBeVisible();
  await expectAccessible(manager, 'people list');
  await invitePerson(manager, person);
  await expectAccessible(manager, 'invitation sent');

  // The same address again is refused at its field, and nobody is added.
  const form = manager.getByRole('form', { name: 'Person einladen' });
  await form.getByLabel('Name').fill('Doppelt');
  await form.getByLabel('E-Mail-Adresse').fill(person.email.toUpperCase());
  await form.getByRole('button', { name: 'Einladung senden' }).click();
  const email = form.getByLabel('E-Mail-Adresse');
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  await expect(email).toHaveAccessibleDescription(/bereits ein Konto/);
  await expectAccessible(manager, 'invitation refused');

  // The person, in a browser of their own, answers the mail.
  const link = await invitationLink(person.email);
  const own = await browser.newContext();
  const other = await browser.newContext();
  try {
    const page = await own.newPage();
    await page.goto(link);
    await expectAccessible(page, 'set password');
    await acceptInvitation(page, link, password);

    // The manager records the licence check that lets the new person book.
    const [invited] = await query<Out['people']['list']>(manager, 'people.list', { search: person.email });
    if (!invited) throw new Error('the invited person is not in the list');
    await mutate(manager.request, 'licenceChecks.record', {
      userId: invited.id,
      checkedOn: dayAhead(0),
      classes: ['B'],
      cardExpiresOn: null,
    });

    // They book a car.
    await page.goto('/');
    const day = dayAhead(4);
    await page.getByLabel('Von (Datum)').fill(day);
    await page.getByLabel('Von (Uhrzeit)').fill('09:00');
    await page.getByLabel('Bis (Datum)').fill(day);
    await page.getByLabel('Bis (Uhrzeit)').fill('10:30');
    await page.getByLabel('Ort').selectOption({ label: `Alle Stationen: ${ownWorld.municipality.name}` });
    await page.getByRole('button', { name: 'Suchen' }).click();
    const first = page
      .getByRole('region', { name: /Fahrzeuge? frei/ })
      .locator('li[data-plate]')
      .first();
    await first.getByRole('button', { name: /buchen$/ }).click();
    await first.getByLabel('Zweck der Fahrt').fill('Termin im Landratsamt');
    await first.getByRole('button', { name: 'Verbindlich buchen' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Gebucht:' })).toBeVisible();

    // Their profile: language, calendar link, mails, and the licence check just recorded.
    await page.goto('/profil');
    await expect(page.getByRole('heading', { level: 1, name: 'Mein Profil' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Führerscheinkontrolle' })).toContainText('Gültig bis');
    const reminder = page.getByRole('checkbox', { name: 'Erinnerung vor Fahrtbeginn' });
    await reminder.uncheck();
    await expect(page.getByRole('status').filter({ hasText: 'Gespeichert.' })).toBeVisible();
    await expect(reminder).not.toBeChecked();
    await expectAccessible(page, 'profile');

    // The used link says so, in another browser, and changes nothing.
    const stranger = await other.newPage();
    await stranger.goto(link);
    await expect(stranger.getByRole('alert').filter({ hasText: 'bereits verwendet' })).toBeVisible();
    await expectAccessible(stranger, 'used link');
    // „Passwort vergessen?“ answers alike for an address nobody has.
    await stranger.goto('/anmelden');
    await stranger.getByRole('link', { name: 'Passwort vergessen?' }).click();
    await expect(stranger.getByRole('heading', { level: 1, name: 'Passwort vergessen' })).toBeVisible();
    await stranger.getByLabel('E-Mail-Adresse').fill(`niemand-${Date.now()}@e2e.example`);
    await stranger.getByRole('button', { name: 'Link anfordern' }).click();
    await expect(stranger.getByRole('status').filter({ hasText: 'Wenn die Adresse' })).toBeVisible();
    await expectAccessible(stranger, 'reset requested');

    // The manager deactivates them: the booking is cancelled, their open session ends at once.
    await manager.goto(`/fuhrpark/personen/${invited.id}`);
    await expect(manager.getByRole('heading', { level: 1, name: person.name })).toBeVisible();
    await expectAccessible(manager, 'person page');
    await manager.getByRole('button', { name: 'Deaktivieren' }).click();
    await expect(manager.getByRole('group')).toContainText('ihre anstehende Buchung wird storniert');
    await manager.getByRole('button', { name: 'Ja, deaktivieren' }).click();
    await expect(manager.getByRole('status')).toContainText('1 Buchung storniert');
    await expect(manager.getByRole('button', { name: 'Wieder aktivieren' })).toBeVisible();

    await page.goto('/buchungen');
    await expect(page).toHaveURL(/\/anmelden/);
    await page.getByLabel('E-Mail-Adresse').fill(person.email);
    await page.getByLabel('Passwort').fill(password);
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Ihr Konto ist deaktiviert' })).toBeVisible();
    await expectAccessible(page, 'deactivated sign-in');
  } finally {
    await own.close();
    await other.close();
  }
});

test('a CSV with one bad line imports nobody and names the line', async ({
  managerPage: manager,
  ownWorld,
}) => {
  const tag = Date.now().toString(36);
  await manager.goto('/fuhrpark/personen/import');
  await expect(
    manager.getByRole('heading', { level: 1, name: 'Personen aus CSV importieren' }),
  ).toBeVisible();
  await manager
    .getByLabel('Inhalt der Datei')
    .fill(
      [
        'name;email;role;municipality',
        `Anna Import;anna-${tag}@e2e.example;staff;${ownWorld.municipality.slug}`,
        `Bernd Import;bernd-${tag}@e2e.example;chef;${ownWorld.municipality.slug}`,
      ].join('\n'),
    );
  await manager.getByRole('button', { name: 'Importieren' }).click();
  const alert = manager.getByRole('alert').filter({ hasText: 'Die Datei wurde nicht importiert' });
  await expect(alert).toContainText('Es wurde niemand angelegt');
  await expect(alert).toContainText('Zeile 3: Rolle ist staff oder fleet_manager.');
  await expectAccessible(manager, 'import refused');
  const found = await query<Out['people']['list']>(manager, 'people.list', { search: tag });
  expect(found).toEqual([]);
});
