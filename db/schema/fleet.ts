import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  doublePrecision,
  index,
  integer,
  numeric,
  pgEnum,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt } from './columns';

export const municipalities = pgTable(
  'municipalities',
  {
    id: id(),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    /**
     * The name with its article where German texts need a case of it (region file): genitive
     * "Fahrzeuge der Stadt Brandis", dative "Buchungen bei der Stadt Brandis". Grammar, not code,
     * knows whether a municipality is "die Stadt", "die Gemeinde" or "der Markt".
     */
    nameGenitive: text('name_genitive').notNull(),
    nameDative: text('name_dative').notNull(),
    costCentre: text('cost_centre').notNull(),
    /** Whether its bookings need a logbook entry (purpose, destination, person visited); region file. */
    logbookRequired: boolean('logbook_required').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('municipalities_slug_key').on(t.slug),
    check('municipalities_slug_format', sql`${t.slug} ~ '^[a-z0-9-]+$'`),
  ],
);

export const stations = pgTable(
  'stations',
  {
    id: id(),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => municipalities.id, { onDelete: 'restrict' }),
    name: text('name').notNull(),
    address: text('address'),
    latitude: doublePrecision('latitude').notNull(),
    longitude: doublePrecision('longitude').notNull(),
    chargePoints: smallint('charge_points').notNull().default(0),
    /** Opening hours, access, where the key safe is: what a driver needs to know, as the manager writes it. */
    openingNotes: text('opening_notes'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('stations_municipality_name_key').on(t.municipalityId, t.name),
    check('stations_latitude_range', sql`${t.latitude} between -90 and 90`),
    check('stations_longitude_range', sql`${t.longitude} between -180 and 180`),
    check('stations_charge_points_non_negative', sql`${t.chargePoints} >= 0`),
  ],
);

export const powertrain = pgEnum('powertrain', ['ev', 'phev', 'ice']);
export const vehicleStatus = pgEnum('vehicle_status', ['in_service', 'out_of_service', 'retired']);
/** The equipment a car may have (server/fleet/admin-rules.ts names it); the CHECK below keeps the array to it. */
export const vehicleEquipment = [
  'tow_bar',
  'child_seat',
  'winter_tyres',
  'wheelchair_ramp',
  'roof_rack',
  'charging_cable',
] as const;

export const vehicles = pgTable(
  'vehicles',
  {
    id: id(),
    ownerMunicipalityId: uuid('owner_municipality_id')
      .notNull()
      .references(() => municipalities.id, { onDelete: 'restrict' }),
    homeStationId: uuid('home_station_id')
      .notNull()
      .references(() => stations.id, { onDelete: 'restrict' }),
    plate: text('plate').notNull(),
    make: text('make').notNull(),
    model: text('model').notNull(),
    powertrain: powertrain('powertrain').notNull(),
    seats: smallint('seats').notNull(),
    batteryKwh: numeric('battery_kwh', { precision: 5, scale: 1, mode: 'number' }),
    rangeKm: integer('range_km'),
    turnaroundBufferMinutes: smallint('turnaround_buffer_minutes').notNull().default(15),
    status: vehicleStatus('status').notNull().default('in_service'),
    /** In service from (bookable from then on); null for cars that were there before it was recorded. */
    commissionedAt: timestamp('commissioned_at', { withTimezone: true }),
    /** Out of service from: set with status 'retired', bookable only for times ending by then. */
    retiredAt: timestamp('retired_at', { withTimezone: true }),
    equipment: text('equipment').array().notNull().default(sql`'{}'::text[]`),
    /** The object store's key of its photo (re-encoded, without metadata: server/damage/photos.ts). */
    photoKey: text('photo_key'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('vehicles_plate_key').on(t.plate),
    index('vehicles_home_station_idx').on(t.homeStationId),
    index('vehicles_owner_idx').on(t.ownerMunicipalityId),
    check('vehicles_seats_range', sql`${t.seats} between 1 and 9`),
    check('vehicles_buffer_range', sql`${t.turnaroundBufferMinutes} between 0 and 240`),
    check('vehicles_range_positive', sql`${t.rangeKm} is null or ${t.rangeKm} > 0`),
    // An electric car without its battery and range could not be warned about before a long trip.
    check(
      'vehicles_plugin_has_battery',
      sql`${t.powertrain} = 'ice' or (${t.batteryKwh} > 0 and ${t.rangeKm} is not null)`,
    ),
    // Retired and a retirement date go together: the date says from when the car is gone.
    check('vehicles_retired_has_date', sql`(${t.status} = 'retired') = (${t.retiredAt} is not null)`),
    check(
      'vehicles_retired_after_commissioned',
      sql`${t.retiredAt} is null or ${t.commissionedAt} is null or ${t.retiredAt} > ${t.commissionedAt}`,
    ),
    check(
      'vehicles_equipment_known',
      sql.raw(`equipment <@ array[${vehicleEquipment.map((e) => `'${e}'`).join(', ')}]::text[]`),
    ),
  ],
);
