/** GET /api/protokoll/protokoll.csv|.xlsx: the reader's part of the log, as a spreadsheet reads it. */
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseForFile } from '@/db/test-db';
import type { SessionUser } from '../auth/queries';
import { defaultPolicy } from '../bookings/policy';
import { testContext } from '../test-context';
import { callerFor, makeMunicipality, makeUser } from '../test-support';
import { auditForExport, serveAudit } from './export';
import { recordAudit } from './record';

const database = testDatabaseForFile();
let a: Awaited<ReturnType<typeof makeMunicipality>>;
let b: Awaited<ReturnType<typeof makeMunicipality>>;
let managerA: SessionUser;
let managerB: SessionUser;
let operator: SessionUser;
const objectOfA = randomUUID();
const objectOfB = randomUUID();

beforeAll(async () => {
  a = await makeMunicipality(database.db);
  b = await makeMunicipality(database.db);
  managerA = await makeUser(database.db, a, 'fleet_manager');
  managerB = await makeUser(database.db, b, 'fleet_manager');
  operator = await makeUser(database.db, null, 'operator');
  await callerFor(database.db, managerA).policies.update({
    ...defaultPolicy,
    municipalityId: a.id,
    horizonDays: 45,
  });
  const entry = {
    action: 'vehicle.update',
    objectType: 'vehicle',
    before: { note: 'alt; "zitiert"' },
  } as const;
  await recordAudit(database.db, managerA, { ...entry, objectId: objectOfA, municipalityId: a.id });
  await recordAudit(database.db, managerB, { ...entry, objectId: objectOfB, municipalityId: b.id });
});

const exportOf = (user: SessionUser | null, file: string, query: Record<string, string> = {}) =>
  serveAudit(testContext(database.db, user), file, new URLSearchParams(query));
const lines = async (response: Response) => (await response.text()).replace(/^\uFEFF/, '').split('\r\n');

describe('the audit export', () => {
  it('writes the fleet manager’s part as CSV: columns, wall-clock time, JSON before and after', async () => {
    const response = await exportOf(managerA, 'protokoll.csv');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toContain('protokoll.csv');
    const [header, ...rows] = await lines(response);
    expect(header).toBe('Nr.;Zeitpunkt;Wer;Aktion;Objekt;Objekt-ID;Kommune;Vorher;Nachher');
    const policy = rows.find((r) => r.includes(';policy.update;'))?.split(';') ?? [];
    expect(policy.slice(2, 7)).toEqual([managerA.name, 'policy.update', 'policy', a.id, a.name]);
    expect(policy[1]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(rows.join('\n')).toContain('""horizonDays"":45');
    // Text with ; and " is quoted as spreadsheets expect.
    expect(rows.find((r) => r.includes(objectOfA))).toContain('"{""note"":""alt; \\""zitiert\\""""}"');
    expect(rows.join('\n')).not.toContain(objectOfB);
  });

  it('gives a fleet manager of B none of A’s entries, and the operator both, or one municipality', async () => {
    const ofB = (await lines(await exportOf(managerB, 'protokoll.csv'))).join('\n');
    expect(ofB).toContain(objectOfB);
    expect(ofB).not.toContain(objectOfA);
    expect(ofB).not.toContain(a.id);
    const all = (await lines(await exportOf(operator, 'protokoll.csv'))).join('\n');
    expect(all).toContain(objectOfA);
    expect(all).toContain(objectOfB);
    const onlyA = (await lines(await exportOf(operator, 'protokoll.csv', { municipalityId: a.id }))).join(
      '\n',
    );
    expect(onlyA).toContain(objectOfA);
    expect(onlyA).not.toContain(objectOfB);
    const foreign = await exportOf(managerB, 'protokoll.csv', { municipalityId: a.id });
    expect(foreign.status).toBe(403);
  });

  it('keeps to [from, to) in local dates', async () => {
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date());
    const past = await exportOf(managerA, 'protokoll.csv', { from: '2020-01-01', to: '2020-02-01' });
    expect(await lines(past)).toEqual([expect.stringMatching(/^Nr\./), '']);
    const fromToday = (await lines(await exportOf(managerA, 'protokoll.csv', { from: today }))).join('\n');
    expect(fromToday).toContain(objectOfA);
  });

  it('writes XLSX with the time as a date', async () => {
    const response = await exportOf(managerA, 'protokoll.xlsx');
    expect(response.headers.get('content-type')).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheet = workbook.getWorksheet('Protokoll');
    expect(sheet?.getRow(1).values).toEqual([
      undefined,
      'Nr.',
      'Zeitpunkt',
      'Wer',
      'Aktion',
      'Objekt',
      'Objekt-ID',
      'Kommune',
      'Vorher',
      'Nachher',
    ]);
    expect(sheet?.getRow(2).getCell(2).value).toBeInstanceOf(Date);
  });

  it('refuses a bad date at its field with 400, and anyone but managers', async () => {
    const bad = await exportOf(managerA, 'protokoll.csv', { from: '2026-02-30' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({
      error: {
        data: { appCode: 'INVALID_INPUT', fieldErrors: { from: [expect.stringContaining('JJJJ-MM-TT')] } },
      },
    });
    const backwards = await exportOf(managerA, 'protokoll.csv', { from: '2026-03-01', to: '2026-02-01' });
    expect(await backwards.json()).toMatchObject({
      error: { data: { fieldErrors: { to: [expect.any(String)] } } },
    });
    expect((await exportOf(await makeUser(database.db, a), 'protokoll.csv')).status).toBe(403);
    expect((await exportOf(null, 'protokoll.csv')).status).toBe(401);
    expect((await exportOf(managerA, 'protokoll.pdf')).status).toBe(404);
    const noSuchId = await exportOf(operator, 'protokoll.csv', { municipalityId: '-'.repeat(36) });
    expect(noSuchId.status).toBe(400);
  });

  it('pages through the log by seq and refuses more than a file should hold', async () => {
    const c = await makeMunicipality(database.db);
    const manager = await makeUser(database.db, c, 'fleet_manager');
    for (let i = 0; i < 3; i++)
      await recordAudit(database.db, manager, {
        action: 'vehicle.update',
        objectType: 'vehicle',
        objectId: `v${i}`,
        municipalityId: c.id,
      });
    const entries = await auditForExport(database.db, manager, {});
    expect(entries.map((e) => e.objectId)).toEqual(['v0', 'v1', 'v2']);
    await expect(auditForExport(database.db, manager, {}, 2)).rejects.toMatchObject({
      code: 'AUDIT_EXPORT_TOO_LARGE',
    });
  });
});
