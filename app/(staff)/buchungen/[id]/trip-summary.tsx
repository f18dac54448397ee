'use client';
import { useQuery } from '@tanstack/react-query';
import { useMessages } from '../../../lib/i18n';
import { useTRPC } from '../../../lib/trpc';
import styles from './car.module.css';

/** How long to keep asking: the trip comes with the box's log, a few seconds after the end. */
const WAIT_FOR_TRIP_MS = 60_000;

/** The trip of a finished booking, from the box's records: km, energy, duration, charge. */
export function TripSummary({ bookingId, since }: { bookingId: string; since: number }) {
  const t = useMessages().car.trip;
  const trpc = useTRPC();
  const trips = useQuery(
    trpc.telematics.trips.queryOptions(
      { bookingId },
      {
        refetchInterval: (query) =>
          query.state.data?.some((t) => t.endedAt) || Date.now() - since > WAIT_FOR_TRIP_MS ? false : 1000,
      },
    ),
  );
  const trip = trips.data?.find((t) => t.endedAt) ?? null;
  return (
    <section className={`card ${styles.panel}`} aria-labelledby="trip-title">
      <h2 id="trip-title">{t.title}</h2>
      {!trip ? (
        <p className="hint" role="status">
          {trips.data && Date.now() - since > WAIT_FOR_TRIP_MS ? t.none : t.waiting}
        </p>
      ) : (
        <dl className={styles.figures}>
          <div>
            <dt>{t.distance}</dt>
            <dd>{t.km(trip.km)}</dd>
          </div>
          <div>
            <dt>{t.energy}</dt>
            <dd>{trip.energyKwh === null ? t.unknown : t.kwh(trip.energyKwh)}</dd>
          </div>
          <div>
            <dt>{t.duration}</dt>
            <dd>
              {trip.endedAt
                ? t.minutes(Math.round((trip.endedAt.getTime() - trip.startedAt.getTime()) / 60_000))
                : t.unknown}
            </dd>
          </div>
          <div>
            <dt>{t.soc}</dt>
            <dd>{t.socRange(trip.socStart, trip.socEnd)}</dd>
          </div>
        </dl>
      )}
    </section>
  );
}
