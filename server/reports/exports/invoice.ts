import { type Invoice, InvoiceService } from '@e-invoice-eu/core';
import type { municipalityAccounting } from '@/db/schema';
import { wallClock } from '../../files/tables';
import { logger } from '../../logger';
import { daysInMonth, type LocalDate } from '../rules';

type Accounting = typeof municipalityAccounting.$inferSelect;
export interface InvoiceParty {
  slug: string;
  name: string;
  accounting: Accounting;
}

/** A settlement line as it enters the invoice; `sign` −1 for the other direction of the pair. */
export interface InvoiceLineInput {
  bookingId: string;
  start: Date | null;
  kind: 'charge' | 'correction';
  hours: number;
  km: number;
  amount: number;
  sign: 1 | -1;
}

export interface InvoiceInput {
  month: LocalDate;
  issueDate: LocalDate;
  frozen: boolean;
  /** The owner of the cars, who is owed the net amount. */
  seller: InvoiceParty;
  /** The municipality of the drivers, who owes it. */
  buyer: InvoiceParty;
  lines: readonly InvoiceLineInput[];
  zone: string;
}

/** The XRechnung 3 syntax written: UBL 2.1 Invoice, customisation of EN 16931 for German public buyers. */
const INVOICE_FORMAT = 'XRECHNUNG-UBL';

// Cost sharing between municipalities is their sovereign business, not a taxable supply (§ 2b UStG);
// EN 16931 has no "public body" category, so the invoice uses "exempt" (E) at 0 % and says why.
const EXEMPTION_REASON =
  'Nicht steuerbare Leistung zwischen juristischen Personen des öffentlichen Rechts (§ 2b UStG)';
const vat = { 'cbc:ID': 'E', 'cbc:Percent': '0', 'cac:TaxScheme': { 'cbc:ID': 'VAT' } } as const;

const euro = (value: number) => (Math.round(value * 100) / 100 + 0).toFixed(2);
const pad = (n: number) => String(n).padStart(2, '0');

function addDays(day: LocalDate, days: number): LocalDate {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function lineName(line: InvoiceLineInput, zone: string): string {
  const start = line.start ? wallClock(line.start, zone) : null;
  const when = start
    ? ` vom ${pad(start.getUTCDate())}.${pad(start.getUTCMonth() + 1)}.${start.getUTCFullYear()} ${pad(start.getUTCHours())}:${pad(start.getUTCMinutes())}`
    : '';
  const what = line.kind === 'correction' ? 'Korrektur zur Buchung' : 'Buchung';
  const direction = line.sign === 1 ? '' : ' (Gegenposition)';
  return `${what}${when}: ${line.hours.toLocaleString('de-DE')} h, ${line.km.toLocaleString('de-DE')} km${direction}`;
}

function address(a: Accounting) {
  return {
    'cbc:StreetName': a.street,
    'cbc:CityName': a.city,
    'cbc:PostalZone': a.postalCode,
    'cac:Country': { 'cbc:IdentificationCode': a.countryCode },
  };
}

function taxSchemes(a: Accounting) {
  return [
    ...(a.vatId ? [{ 'cbc:CompanyID': a.vatId, 'cac:TaxScheme': { 'cbc:ID': 'VAT' } }] : []),
    // BT-32, the seller's tax number: UBL marks it with a tax scheme other than VAT.
    ...(a.taxNumber ? [{ 'cbc:CompanyID': a.taxNumber, 'cac:TaxScheme': { 'cbc:ID': 'FC' } }] : []),
  ];
}

/**
 * The e-invoice of one net amount in e-invoice-eu's internal format (UBL element names): from the
 * owner of the cars (seller) to the drivers' municipality (buyer, addressed by its Leitweg-ID),
 * one invoice line per settlement line, the other direction of the pair as negative lines, so the
 * total is the net amount.
 */
export function invoiceData(input: InvoiceInput): Invoice {
  const { seller, buyer } = input;
  const s = seller.accounting;
  const b = buyer.accounting;
  const id = `VR-${input.month.slice(0, 7)}-${buyer.slug}`;
  const dueDate = addDays(input.issueDate, 30);
  const lines = input.lines.map((line, i) => {
    const amount = line.sign * line.amount;
    return {
      'cbc:ID': String(i + 1),
      'cbc:Note': `Buchung ${line.bookingId}`,
      'cbc:InvoicedQuantity': amount < 0 ? '-1' : '1',
      'cbc:InvoicedQuantity@unitCode': 'C62',
      'cbc:LineExtensionAmount': euro(amount),
      'cbc:LineExtensionAmount@currencyID': 'EUR',
      'cac:Item': { 'cbc:Name': lineName(line, input.zone), 'cac:ClassifiedTaxCategory': vat },
      // A price is never negative (BR-27): the other direction is a negative quantity.
      'cac:Price': { 'cbc:PriceAmount': euro(Math.abs(amount)), 'cbc:PriceAmount@currencyID': 'EUR' },
    };
  });
  const total = euro(input.lines.reduce((sum, l) => sum + Math.round(l.sign * l.amount * 100), 0) / 100);
  const monthText = `${input.month.slice(5, 7)}/${input.month.slice(0, 4)}`;
  const notes = [`Verrechnung der Fahrzeugnutzung zwischen Kommunen, ${monthText}.`];
  if (!input.frozen) notes.push('Vorläufig: Der Abrechnungsmonat ist noch nicht abgeschlossen.');
  return {
    'ubl:Invoice': {
      'cbc:ID': id,
      'cbc:IssueDate': input.issueDate,
      'cbc:DueDate': dueDate,
      'cbc:InvoiceTypeCode': '380',
      'cbc:Note': notes,
      'cbc:DocumentCurrencyCode': 'EUR',
      'cbc:BuyerReference': b.leitwegId,
      'cac:InvoicePeriod': {
        'cbc:StartDate': input.month,
        'cbc:EndDate': `${input.month.slice(0, 8)}${pad(daysInMonth(input.month))}`,
      },
      'cac:AccountingSupplierParty': {
        'cac:Party': {
          'cbc:EndpointID': s.contactEmail,
          'cbc:EndpointID@schemeID': 'EM',
          // BT-29: with only a tax number, the seller is identified by its own Leitweg-ID (BR-CO-26).
          'cac:PartyIdentification': [{ 'cbc:ID': s.leitwegId }],
          'cac:PartyName': { 'cbc:Name': seller.name },
          'cac:PostalAddress': address(s),
          'cac:PartyTaxScheme': taxSchemes(s),
          'cac:PartyLegalEntity': { 'cbc:RegistrationName': s.legalName },
          'cac:Contact': {
            'cbc:Name': s.contactName,
            'cbc:Telephone': s.contactPhone,
            'cbc:ElectronicMail': s.contactEmail,
          },
        },
      },
      'cac:AccountingCustomerParty': {
        'cac:Party': {
          'cbc:EndpointID': b.leitwegId,
          'cbc:EndpointID@schemeID': '0204',
          'cac:PartyName': { 'cbc:Name': buyer.name },
          'cac:PostalAddress': address(b),
          'cac:PartyLegalEntity': { 'cbc:RegistrationName': b.legalName },
          'cac:Contact': { 'cbc:Name': b.contactName, 'cbc:ElectronicMail': b.contactEmail },
        },
      },
      'cac:PaymentMeans': [
        {
          'cbc:PaymentMeansCode': '58',
          'cbc:PaymentID': id,
          'cac:PayeeFinancialAccount': {
            'cbc:ID': s.iban,
            'cbc:Name': s.legalName,
            ...(s.bic ? { 'cac:FinancialInstitutionBranch': { 'cbc:ID': s.bic } } : {}),
          },
        },
      ],
      'cac:PaymentTerms': { 'cbc:Note': `Zahlbar ohne Abzug bis zum ${dueDate}.` },
      'cac:TaxTotal': [
        {
          'cbc:TaxAmount': '0.00',
          'cbc:TaxAmount@currencyID': 'EUR',
          'cac:TaxSubtotal': [
            {
              'cbc:TaxableAmount': total,
              'cbc:TaxableAmount@currencyID': 'EUR',
              'cbc:TaxAmount': '0.00',
              'cbc:TaxAmount@currencyID': 'EUR',
              'cac:TaxCategory': { ...vat, 'cbc:TaxExemptionReason': EXEMPTION_REASON },
            },
          ],
        },
      ],
      'cac:LegalMonetaryTotal': {
        'cbc:LineExtensionAmount': total,
        'cbc:LineExtensionAmount@currencyID': 'EUR',
        'cbc:TaxExclusiveAmount': total,
        'cbc:TaxExclusiveAmount@currencyID': 'EUR',
        'cbc:TaxInclusiveAmount': total,
        'cbc:TaxInclusiveAmount@currencyID': 'EUR',
        'cbc:PayableAmount': total,
        'cbc:PayableAmount@currencyID': 'EUR',
      },
      'cac:InvoiceLine': lines,
    },
    // The library types code lists as unions and arrays as tuples; its schema check when the XML
    // is written (renderInvoice) is what holds the country code and the line list to them.
  } as Invoice;
}

const libraryLog = {
  log: (m: string) => logger.debug({ library: 'e-invoice-eu' }, m),
  warn: (m: string) => logger.warn({ library: 'e-invoice-eu' }, m),
  error: (m: string) => logger.error({ library: 'e-invoice-eu' }, m),
};

/**
 * The XML of the invoice. e-invoice-eu checks the data against its JSON schema of EN 16931 in UBL
 * (required elements, code lists, XRechnung's electronic addresses) before it writes; it throws
 * where the data does not fit. The KoSIT schematron is not run here.
 */
export async function renderInvoice(invoice: Invoice): Promise<string> {
  const xml = await new InvoiceService(libraryLog).generate(invoice, {
    format: INVOICE_FORMAT,
    lang: 'de-de',
  });
  return typeof xml === 'string' ? xml : new TextDecoder().decode(xml);
}
