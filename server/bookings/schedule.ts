import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { AppError, sqlState } from '../errors';

/**
 * Serialises every write to one car's schedule by the database's own `lock_vehicle_schedule`,
 * the lock its triggers take: one key per car, however the id was spelled (the function takes a
 * uuid), so concurrent losers wait their turn and fail cleanly with 23P01 instead of deadlocking.
 */
export const lockVehicleSchedule = (db: Db, vehicleId: string) =>
  db.execute(sql`select lock_vehicle_schedule(${vehicleId}::uuid)`);

/** Runs a schedule write in a transaction; the database's no-overlap verdict becomes BOOKING_CONFLICT. */
export async function writeSchedule<T>(db: Db, write: (tx: Db) => Promise<T>): Promise<T> {
  try {
    return await db.transaction((tx) => write(tx));
  } catch (error) {
    const state = sqlState(error);
    if (state === '23P01' || state === '40P01') throw new AppError('BOOKING_CONFLICT', { cause: error });
    throw error;
  }
}
