import { AppError } from '../errors';
import { answer, download } from '../files/http';
import { toCsv } from '../files/tables';
import { createCaller } from '../root';
import type { Context } from '../trpc';
import { type BookHeading, bookPdf, bookTables } from './export';

/**
 * GET /api/fahrtenbuch/fahrtenbuch.csv|.pdf?vehicleId=…|userId=…&from=…&to=…: the Fahrtenbuch as
 * the page shows it, for the tax office. The query string is checked by the procedure, as for the page.
 */
export function serveBook(ctx: Context, file: string, params: URLSearchParams) {
  return answer(ctx, async () => {
    const format = /^fahrtenbuch\.(csv|pdf)$/.exec(file)?.[1];
    if (!format) throw new AppError('EXPORT_NOT_FOUND');
    const input = {
      vehicleId: params.get('vehicleId') || undefined,
      userId: params.get('userId') || undefined,
      from: params.get('from') ?? '',
      to: params.get('to') ?? '',
    };
    const book = await createCaller(ctx).logbook.book(input);
    const heading: BookHeading = {
      subject: book.subject.kind === 'car' ? book.subject : { person: book.subject.person },
      from: book.from,
      lastDay: book.lastDay,
      language: ctx.language,
      timeZone: ctx.settings.timeZone,
      madeAt: new Date(),
    };
    const name = `fahrtenbuch-${book.subject.kind === 'car' ? book.subject.plate.replace(/\W+/g, '-') : 'person'}-${book.from}-${book.lastDay}`;
    if (format === 'csv')
      return download(toCsv(bookTables(book, heading)), 'text/csv; charset=utf-8', `${name}.csv`);
    return download(await bookPdf(book, heading, ctx.settings.productName), 'application/pdf', `${name}.pdf`);
  });
}
