/** The downloads under /api/berichte on the hand scenario of test-scenario.ts, read back as a person's spreadsheet would. */
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseForFile } from '@/db/test-db';
import type { SessionUser } from '../../auth/queries';
import { testContext } from '../../test-context';
import { callerFor } from '../../test-support';
import { serveFigures, serveInvoice, serveSettlement } from './service';
import { accountingOf, handScenario, MONTH } from './test-scenario';

const database = testDatabaseForFile();
let s: Awaited<ReturnType<typeof handScenario>>;

beforeAll(async () => {
  s = await handScenario(database.db);
});

const ctx = (user: SessionUser | null) => testContext(database.db, user);
const figuresOf = (user: SessionUser | null, file: string, query: Record<string, string>) =>
  serveFigures(ctx(user), file, new URLSearchParams(query));

async function sheets(response: Response) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await response.arrayBuffer());
  return (name: string) => {
    const sheet = workbook.getWorksheet(name);
    if (!sheet) throw new Error(`no sheet ${name}`);
    const rows: unknown[][] = [];
    sheet.eachRow((row) => {
      rows.push((row.values as unknown[]).slice(1));
    });
    return { sheet, rows };
  };
}

describe('figures export', () => {
  const march = { from: '2031-03-01', to: '2031-04-01', groupBy: 'vehicle' };

  it('writes the month of carA as numbers with formats in XLSX', async () => {
    const response = await figuresOf(s.fleetA, 'kennzahlen.xlsx', { ...march, municipalityId: s.a.id });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('spreadsheetml');
    const { sheet, rows } = (await sheets(response))('Kennzahlen');
    const header = rows[0] as string[];
    const row = rows.find((r) => r[1] === s.carA.id);
    if (!row) throw new Error('carA missing');
    const value = (title: string) => row[header.indexOf(title)];
    expect(value('Fahrzeug')).toBe(s.carA.plate);
    expect(value('Gebuchte Stunden')).toBe(6);
    expect(value('Verfügbare Stunden')).toBe(743);
    expect(value('Zeitauslastung (%)')).toBeCloseTo(6 / 743, 10);
    expect(value('Kilometer')).toBe(42);
    expect([value('Buchungen'), value('Fahrten'), value('Nicht angetreten'), value('Stornierungen')]).toEqual(
      [4, 1, 1, 1],
    );
    expect(value('Fixkosten (€)')).toBe(310);
    expect(value('Kosten (€)')).toBeCloseTo(314.2, 10);
    expect(value('Kosten je km (€)')).toBeCloseTo(314.2 / 42, 10);
    expect(value('Kosten je gebuchte Stunde (€)')).toBeCloseTo(314.2 / 6, 10);
    const costColumn = header.indexOf('Kosten (€)') + 1;
    expect(sheet.getColumn(costColumn).numFmt).toBe('#,##0.00 "€"');
    expect(sheet.getColumn(header.indexOf('Zeitauslastung (%)') + 1).numFmt).toBe('0.0%');
  });

  it('writes CSV for German spreadsheets: BOM, semicolons, decimal comma', async () => {
    const response = await figuresOf(s.fleetA, 'kennzahlen.csv', { ...march, municipalityId: s.a.id });
    expect(response.status).toBe(200);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    const line = text.split('\r\n').find((l) => l.includes(s.carA.id));
    // label; key; held; available; time utilisation %; ignition; driving %; km
    expect(line?.split(';').slice(0, 8)).toEqual([
      s.carA.plate,
      s.carA.id,
      '6,00',
      '743,00',
      '0,8',
      '0,00',
      '0,0',
      '42,00',
    ]);
  });

  it('refuses as the procedure does: typed JSON, never a 500', async () => {
    const bad = await figuresOf(s.fleetA, 'kennzahlen.xlsx', {
      from: '2031-03-01',
      to: 'gestern',
      groupBy: 'vehicle',
    });
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as {
      error: { data: { appCode: string; fieldErrors: Record<string, string[]> } };
    };
    expect(body.error.data.appCode).toBe('INVALID_INPUT');
    expect(Object.keys(body.error.data.fieldErrors)).toEqual(['to']);
    const foreign = await figuresOf(s.fleetB, 'kennzahlen.csv', { ...march, municipalityId: s.a.id });
    expect(foreign.status).toBe(403);
    expect((await figuresOf(s.staffA, 'kennzahlen.csv', march)).status).toBe(403);
    expect((await figuresOf(null, 'kennzahlen.csv', march)).status).toBe(401);
    const wrongExtension = await figuresOf(s.fleetA, 'kennzahlen.pdf', march);
    expect(wrongExtension.status).toBe(404);
    expect(
      ((await wrongExtension.json()) as { error: { data: { appCode: string } } }).error.data.appCode,
    ).toBe('EXPORT_NOT_FOUND');
    expect((await figuresOf(s.fleetA, 'anderes.csv', march)).status).toBe(404);
  });
});

describe('settlement export', () => {
  it('lists the lines with cost centres and accounts, the matrix and the net', async () => {
    const response = await serveSettlement(ctx(s.fleetA), `${MONTH}.xlsx`);
    expect(response.status).toBe(200);
    const sheet = await sheets(response);
    const lines = sheet('Positionen').rows;
    const [header, ...body] = lines as [string[], ...unknown[][]];
    const col = (title: string) => header.indexOf(title);
    const ours = [s.bookings.b1, s.bookings.b2, s.bookings.b3];
    const mine = body.filter((r) => ours.includes(r[col('Buchung')] as string));
    const byBooking = new Map(mine.map((r) => [r[col('Buchung')], r]));
    expect(mine).toHaveLength(3);
    const b1 = byBooking.get(s.bookings.b1) ?? [];
    expect(b1[col('Beginn')]).toEqual(new Date('2031-03-04T09:00:00Z')); // wall clock 09:00
    expect(b1[col('Art')]).toBe('Belastung');
    expect([b1[col('Kostenstelle Zahler')], b1[col('Sachkonto Aufwand')]]).toEqual(['KST-B', '5421-B']);
    expect([b1[col('Kostenstelle Empfänger')], b1[col('Sachkonto Ertrag')]]).toEqual(['KST-A', '4461-A']);
    expect([b1[col('Stunden')], b1[col('Kilometer')], b1[col('Betrag (€)')]]).toEqual([3, 42, 36]);
    expect((byBooking.get(s.bookings.b2) ?? [])[col('Betrag (€)')]).toBe(10);
    const b3 = byBooking.get(s.bookings.b3) ?? [];
    expect([
      b3[col('Kostenstelle Zahler')],
      b3[col('Kostenstelle Empfänger')],
      b3[col('Betrag (€)')],
    ]).toEqual(['KST-A', 'KST-B', 7]);

    const matrix = sheet('Matrix').rows as unknown[][];
    const matrixHeader = matrix[0] as string[];
    const rowOf = (name: string) => matrix.find((r) => r[1] === name) ?? [];
    expect(rowOf(s.b.name)[matrixHeader.indexOf(s.a.name)]).toBe(46);
    expect(rowOf(s.a.name)[matrixHeader.indexOf(s.b.name)]).toBe(7);

    const net = sheet('Netto').rows as unknown[][];
    const owed = net.find((r) => r[1] === s.b.name && r[3] === s.a.name);
    expect(owed?.slice(2)).toEqual([
      'KST-B',
      s.a.name,
      'KST-A',
      39,
      `/api/berichte/rechnung/${MONTH}/${s.b.id}/${s.a.id}.xml`,
    ]);
    expect(net.find((r) => r[1] === s.a.name && r[3] === s.b.name)).toBeUndefined();
  });

  it('writes the same tables as CSV sections', async () => {
    const text = await (await serveSettlement(ctx(s.fleetB), `${MONTH}.csv`)).text();
    const line = text.split('\r\n').find((l) => l.includes(s.bookings.b1));
    expect(line).toBe(
      `${MONTH};${s.bookings.b1};2031-03-04 09:00;Belastung;${s.b.name};KST-B;5421-B;${s.a.name};KST-A;4461-A;3,00;42,00;36,00`,
    );
    expect(text).toContain('\r\n\r\nMatrix\r\n');
  });

  it('answers a bad month with 400 at its field and a wrong extension with 404', async () => {
    const bad = await serveSettlement(ctx(s.fleetA), '2031-13.csv');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({
      error: { data: { appCode: 'INVALID_INPUT', fieldErrors: { month: [expect.any(String)] } } },
    });
    expect((await serveSettlement(ctx(s.fleetA), `${MONTH}.ods`)).status).toBe(404);
    expect((await serveSettlement(ctx(s.staffA), `${MONTH}.csv`)).status).toBe(403);
  });
});

describe('e-invoice of a net amount', () => {
  const invoice = (user: SessionUser | null, payer: string, payee: string, month = MONTH) =>
    serveInvoice(ctx(user), month, payer, `${payee}.xml`, new Date('2031-04-02T10:00:00Z'));

  it('is an XRechnung from the owner to the payer with the lines of both directions', async () => {
    const response = await invoice(s.fleetB, s.b.id, s.a.id);
    expect(response.status).toBe(200);
    const xml = await response.text();
    const one = (pattern: RegExp) => pattern.exec(xml)?.[1];
    const all = (pattern: RegExp) => [...xml.matchAll(pattern)].map((m) => m[1]);
    expect(one(/<cbc:CustomizationID>([^<]+)</)).toBe(
      'urn:cen.eu:en16931:2017#compliant#urn:xeinkauf.de:kosit:xrechnung_3.0',
    );
    expect(one(/<cbc:ID>(VR-[^<]+)</)).toBe(`VR-${MONTH}-${s.b.slug}`);
    expect(one(/<cbc:IssueDate>([^<]+)</)).toBe('2031-04-02');
    expect(one(/<cbc:DueDate>([^<]+)</)).toBe('2031-05-02');
    expect(one(/<cbc:BuyerReference>([^<]+)</)).toBe('04011000-1234512345-06');
    expect(one(/<cac:AccountingSupplierParty>[\s\S]*?<cbc:RegistrationName>([^<]+)</)).toBe('Gemeinde A');
    expect(one(/<cac:AccountingCustomerParty>[\s\S]*?<cbc:RegistrationName>([^<]+)</)).toBe('Gemeinde B');
    expect(one(/<cac:PayeeFinancialAccount>\s*<cbc:ID>([^<]+)</)).toBe('DE89370400440532013000');
    // 36.00 + 10.00 − 7.00: B's bookings on A's car less A's on B's, a negative quantity at a positive price.
    expect(
      all(/<cac:InvoiceLine>[\s\S]*?<cbc:LineExtensionAmount currencyID="EUR">([^<]+)</g).sort(),
    ).toEqual(['-7.00', '10.00', '36.00']);
    expect(all(/<cbc:InvoicedQuantity unitCode="C62">([^<]+)</g).sort()).toEqual(['-1', '1', '1']);
    expect(one(/<cbc:PayableAmount currencyID="EUR">([^<]+)</)).toBe('39.00');
    expect(one(/<cac:LegalMonetaryTotal>\s*<cbc:LineExtensionAmount currencyID="EUR">([^<]+)</)).toBe(
      '39.00',
    );
    expect(one(/<cac:TaxSubtotal>[\s\S]*?<cbc:TaxableAmount currencyID="EUR">([^<]+)</)).toBe('39.00');
  });

  it('is NOT_FOUND alike for other managers, the wrong direction and unknown ids', async () => {
    const body = async (response: Response) => ({ status: response.status, body: await response.json() });
    const unknown = await body(await invoice(s.fleetC, randomUUID(), s.a.id));
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ error: { data: { appCode: 'INVOICE_NOT_FOUND' } } });
    expect(await body(await invoice(s.fleetC, s.b.id, s.a.id))).toEqual(unknown);
    expect(await body(await invoice(s.fleetA, s.a.id, s.b.id))).toEqual(unknown);
    expect(await body(await invoice(s.fleetA, 'kein-id', s.a.id))).toEqual(unknown);
    expect((await invoice(s.operator, s.b.id, s.a.id)).status).toBe(200);
    expect((await invoice(s.fleetA, s.b.id, s.a.id)).status).toBe(200);
    expect((await invoice(s.fleetA, s.b.id, s.a.id, '31-03')).status).toBe(400);
    expect((await serveInvoice(ctx(s.fleetA), MONTH, s.b.id, `${s.a.id}.pdf`)).status).toBe(404);
    expect((await invoice(null, s.b.id, s.a.id)).status).toBe(401);
  });
});

describe('accounting data', () => {
  it('is read and set by whoever manages the municipality, with checked IBAN and Leitweg-ID', async () => {
    const read = await callerFor(database.db, s.fleetA).reports.accounting({ municipalityId: s.a.id });
    expect(read).toMatchObject({
      costCentre: 'KST-A',
      accounting: { iban: 'DE89370400440532013000', updatedBy: s.fleetA.id },
    });
    await expect(
      callerFor(database.db, s.fleetA).reports.setAccounting({
        ...accountingOf(s.a.id, 'A', 'KST-A'),
        iban: 'DE89370400440532013001',
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(
      callerFor(database.db, s.fleetA).reports.setAccounting({
        ...accountingOf(s.a.id, 'A', 'KST-A'),
        leitwegId: '04011000-1234512345-07',
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(
      callerFor(database.db, s.fleetA).reports.setAccounting({
        ...accountingOf(s.a.id, 'A', 'KST-A'),
        taxNumber: null,
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('must be there for both sides of an invoice', async () => {
    // C owes B 4.00 € (b6), but C has no accounting data yet: the invoice says what is missing.
    const response = await serveInvoice(ctx(s.fleetB), MONTH, s.c.id, `${s.b.id}.xml`);
    expect(response.status).toBe(412);
    expect(await response.json()).toMatchObject({
      error: {
        message: `Für die Rechnung fehlen die Abrechnungsdaten von ${s.c.name}.`,
        data: { appCode: 'ACCOUNTING_DATA_MISSING' },
      },
    });
  });
});
