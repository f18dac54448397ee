/** Texts of the shared report table (sorting, export); part of the trips' texts (trips.ts). */
export const reportTableDe = {
  sortBy: (label: string) => `Nach „${label}“ sortieren`,
  exportCsv: 'Als CSV exportieren',
  exportFile: 'Exportieren',
  exporting: 'Export wird erstellt …',
  exportFailed: 'Der Export ist fehlgeschlagen. Bitte versuchen Sie es erneut.',
  exportFailedWith: (message: string) => `Der Export ist fehlgeschlagen: ${message}`,
  empty: 'Für diesen Zeitraum gibt es keine Daten.',
  none: '–',
};
