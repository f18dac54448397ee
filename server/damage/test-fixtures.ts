import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import type { Db } from '@/db/client';
import { bookings, municipalities } from '@/db/schema';
import type { SessionUser } from '../auth/queries';
import { makeMunicipality, makeUser, makeVehicle } from '../test-support';

/** A municipality that keeps a logbook (or not), its fleet manager, two staff and a car. */
export async function damageWorld(db: Db, logbookRequired = true) {
  const municipality = await makeMunicipality(db);
  if (logbookRequired) await db.update(municipalities).set({ logbookRequired }).where(eqId(municipality.id));
  const other = await makeMunicipality(db);
  return {
    municipality,
    car: await makeVehicle(db, municipality),
    booker: await makeUser(db, municipality),
    colleague: await makeUser(db, municipality),
    manager: await makeUser(db, municipality, 'fleet_manager'),
    otherManager: await makeUser(db, other, 'fleet_manager'),
  };
}

const eqId = (id: string) => eq(municipalities.id, id);

/** A completed booking of `user` on the car, inserted as it stands (no policy), at the given times. */
export async function pastBooking(
  db: Db,
  vehicleId: string,
  user: SessionUser,
  startsAt: Date,
  endsAt: Date,
) {
  const [row] = await db
    .insert(bookings)
    .values({ vehicleId, userId: user.id, startsAt, endsAt, status: 'completed' })
    .returning({ id: bookings.id });
  if (!row) throw new Error('no booking');
  return row.id;
}

/** A camera photo: 64×48, EXIF with a maker, GPS position and orientation 6 (to be turned a quarter). */
export const cameraJpeg = () =>
  sharp({ create: { width: 64, height: 48, channels: 3, background: '#c03030' } })
    .withExif({
      IFD0: { Make: 'TestCam', Model: 'GPS-Phone' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '51/1 19/1 0/1',
        GPSLongitudeRef: 'E',
        GPSLongitude: '12/1 37/1 0/1',
      },
    })
    .withMetadata({ orientation: 6 })
    .jpeg()
    .toBuffer();
