import PDFDocument from 'pdfkit';
import { type Table, wallClock } from '../files/tables';
import { type Language, localeOf } from '../messages/language';
import { type LogbookExportTexts, logbookExportTexts } from '../messages/logbook';
import { formatDateTime, formatDay } from '../notifications/format';
import type { Book } from './book';

/** What the export says it is: whose book, the period as chosen, the reader's language and zone. */
export interface BookHeading {
  subject: { plate: string; car: string } | { person: string };
  from: string;
  lastDay: string;
  language: Language;
  timeZone: string;
  madeAt: Date;
}

type Trip = Book['trips'][number];
type Version = Book['changes'][number]['versions'][number];

const entryCells = (t: LogbookExportTexts, entry: { purpose: string | null; destination: string | null }) => [
  entry.purpose ?? t.missing,
  entry.destination ?? t.missing,
];

/** The CSV's two tables: the trips, and every version of the entries changed later. */
export function bookTables(book: Book, heading: BookHeading): Table[] {
  const t = logbookExportTexts(heading.language);
  const c = t.columns;
  const local = (d: Date | null) => (d ? wallClock(d, heading.timeZone) : null);
  const trips: Table = {
    name: t.title,
    columns: [
      { header: c.start, kind: 'datetime' },
      { header: c.end, kind: 'datetime' },
      { header: c.plate, kind: 'text' },
      { header: c.driver, kind: 'text' },
      { header: c.odometerStart, kind: 'decimal' },
      { header: c.odometerEnd, kind: 'decimal' },
      { header: c.km, kind: 'decimal' },
      { header: c.purpose, kind: 'text' },
      { header: c.destination, kind: 'text' },
      { header: c.personVisited, kind: 'text' },
      { header: c.changed, kind: 'text' },
    ],
    rows: book.trips.map((trip) => [
      local(trip.startedAt),
      local(trip.endedAt),
      trip.plate,
      trip.driver ?? t.removedPerson,
      trip.odometerStart,
      trip.odometerEnd,
      trip.km,
      ...entryCells(t, trip),
      trip.personVisited ?? '',
      trip.changed ? t.yes : t.no,
    ]),
  };
  const k = t.changeColumns;
  const changes: Table = {
    name: t.changes,
    columns: [
      { header: k.trip, kind: 'datetime' },
      { header: c.plate, kind: 'text' },
      { header: k.version, kind: 'integer' },
      { header: k.changedAt, kind: 'datetime' },
      { header: k.changedBy, kind: 'text' },
      { header: c.purpose, kind: 'text' },
      { header: c.destination, kind: 'text' },
      { header: c.personVisited, kind: 'text' },
    ],
    rows: book.changes.flatMap(({ trip, versions }) =>
      versions.map((version: Version, i) => [
        local(trip.startedAt),
        trip.plate,
        i + 1,
        local(version.changedAt),
        version.changedBy ?? t.removedPerson,
        version.purpose,
        version.destination,
        version.personVisited ?? '',
      ]),
    ),
  };
  return [trips, changes];
}

/** The PDF for the tax office: A4 landscape, the trips as a table, the total, then the changes. */
export function bookPdf(book: Book, heading: BookHeading, productName: string): Promise<Buffer> {
  const t = logbookExportTexts(heading.language);
  const when = (d: Date | null) => (d ? formatDateTime(d, heading.timeZone, heading.language) : '');
  const whose =
    'plate' in heading.subject
      ? t.ofCar(heading.subject.plate, heading.subject.car)
      : t.ofPerson(heading.subject.person);
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: 36,
    info: { Title: `${t.title} – ${whose}`, Creator: productName },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.font('Helvetica-Bold').fontSize(16).text(`${t.title} – ${whose}`);
  doc.font('Helvetica').fontSize(10);
  doc.text(t.period(formatDay(heading.from, heading.language), formatDay(heading.lastDay, heading.language)));
  doc.text(t.made(when(heading.madeAt)));
  doc.moveDown();
  if (book.trips.length === 0) doc.text(t.none);
  else tripTable(doc, t, book.trips, when, heading.language);
  if (book.changes.length > 0) {
    doc.moveDown().font('Helvetica-Bold').fontSize(12).text(t.changes);
    doc.font('Helvetica').fontSize(9).text(t.changesIntro).moveDown(0.5);
    const k = t.changeColumns;
    doc.table({
      defaultStyle: { padding: 3, border: 0.5 },
      data: [
        [
          k.trip,
          t.columns.plate,
          k.version,
          k.changedAt,
          k.changedBy,
          t.columns.purpose,
          t.columns.destination,
        ],
        ...book.changes.flatMap(({ trip, versions }) =>
          versions.map((v, i) => [
            when(trip.startedAt),
            trip.plate,
            String(i + 1),
            when(v.changedAt),
            v.changedBy ?? t.removedPerson,
            v.purpose,
            v.destination,
          ]),
        ),
      ],
    });
  }
  doc.end();
  return done;
}

function tripTable(
  doc: PDFKit.PDFDocument,
  t: LogbookExportTexts,
  trips: Trip[],
  when: (d: Date | null) => string,
  language: Language,
) {
  const c = t.columns;
  const km = (n: number) => n.toLocaleString(localeOf(language), { maximumFractionDigits: 1 });
  doc.fontSize(8).table({
    defaultStyle: { padding: 3, border: 0.5 },
    columnStyles: [70, 70, 55, 70, 45, 45, 30, '*', '*', 70],
    data: [
      [
        c.start,
        c.end,
        c.plate,
        c.driver,
        c.odometerStart,
        c.odometerEnd,
        c.km,
        c.purpose,
        c.destination,
        c.personVisited,
      ],
      ...trips.map((trip) => [
        when(trip.startedAt),
        when(trip.endedAt),
        trip.plate,
        trip.driver ?? t.removedPerson,
        km(trip.odometerStart),
        km(trip.odometerEnd),
        km(trip.km),
        ...entryCells(t, trip),
        trip.personVisited ?? '',
      ]),
    ],
  });
  const total = trips.reduce((sum, trip) => sum + trip.km, 0);
  doc
    .moveDown()
    .fontSize(10)
    .text(t.totalKm(km(total)));
}
