/** The English twins of ./report-table.ts; imported into en.ts only, so German pages do not carry them. */
import type { reportTableDe } from './report-table';

export const reportTableEn: typeof reportTableDe = {
  sortBy: (label: string) => `Sort by “${label}”`,
  exportCsv: 'Export as CSV',
  exportFile: 'Export',
  exporting: 'Creating export …',
  exportFailed: 'The export failed. Please try again.',
  exportFailedWith: (message: string) => `The export failed: ${message}`,
  empty: 'There is no data for this period.',
  none: '–',
};
