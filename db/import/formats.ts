/**
 * The files of an import folder and their columns: the one list, which README.md ("Importing an
 * earlier logbook") documents. Files are read in this order; a file that is absent adds nothing.
 */
export const fileColumns = {
  'vehicles.csv': {
    required: ['plate', 'municipality', 'station', 'make', 'model', 'powertrain', 'seats'],
    optional: ['battery_kwh', 'range_km', 'buffer_minutes', 'status'],
  },
  'vehicle-costs.csv': {
    required: [
      'plate',
      'valid_from',
      'commissioned_on',
      'leasing_monthly',
      'insurance_monthly',
      'tax_monthly',
      'box_fee_monthly',
      'other_monthly',
      'per_km',
      'per_kwh',
      'per_litre',
    ],
    optional: ['retired_on'],
  },
  'tariffs.csv': { required: ['municipality', 'valid_from', 'per_hour', 'per_km'], optional: [] },
  'people.csv': { required: ['email', 'name', 'municipality', 'role'], optional: [] },
  'blocks.csv': { required: ['key', 'plate', 'starts_at', 'ends_at', 'kind', 'reason'], optional: [] },
  'bookings.csv': {
    required: ['key', 'plate', 'email', 'starts_at', 'ends_at', 'status'],
    optional: ['cancelled_at', 'purpose'],
  },
  'trips.csv': {
    required: ['booking', 'started_at', 'ended_at', 'odometer_start_km', 'odometer_end_km'],
    optional: ['soc_start', 'soc_end', 'charged_kwh', 'fuel_litres'],
  },
  'ignitions.csv': { required: ['booking', 'on_at', 'off_at'], optional: [] },
} as const satisfies Record<string, { required: readonly string[]; optional: readonly string[] }>;

export type FileName = keyof typeof fileColumns;
export const fileNames = Object.keys(fileColumns) as FileName[];

/** Statuses an earlier logbook's bookings may have: history is over, so nothing still open. */
export const importedBookingStatuses = ['completed', 'no_show', 'cancelled'] as const;
