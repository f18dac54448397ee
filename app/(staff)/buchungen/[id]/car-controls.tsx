'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { problemOf } from '../../../lib/errors';
import { useMessages } from '../../../lib/i18n';
import { formatTime } from '../../../lib/time';
import { useTRPC } from '../../../lib/trpc';
import type { Booking } from '../booking-card';
import styles from './car.module.css';
import { isFinished, isOk, JobProgress } from './job-progress';
import { SimulatorPanel } from './simulator-panel';
import { TripSummary } from './trip-summary';

/** The key works from 10 minutes before the start (server/telematics/rules.ts, KEY_LEAD_MS). */
const KEY_LEAD_MS = 10 * 60_000;
const ops = ['unlock', 'lock', 'end'] as const;
type Op = (typeof ops)[number];

/** A booking whose car may be opened now: active, or reserved and inside its window. */
const isCurrent = (booking: Booking, now: number) =>
  booking.status === 'active' ||
  (booking.status === 'reserved' &&
    now >= booking.startsAt.getTime() - KEY_LEAD_MS &&
    now <= booking.endsAt.getTime());

/** „Fahrt beenden“ only once the box confirmed an unlock: the server refuses it before (BOOKING_NOT_STARTED). */
const offered = (booking: Booking) => ops.filter((op) => op !== 'end' || booking.status === 'active');

/** How long a refusal for "door open or ignition on" waits for the box's log to say which. */
const CAUSE_WAIT_MS = 10_000;

/** Ticks now and then, so the buttons appear when the key starts to work. */
function useNow(everyMs: number) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

/**
 * Unlock, lock and end on the booking page: each press queues a relay command for the station's
 * gateway, then polls its job every half second and shows how far it got, in words. After the end
 * comes the trip; in the demo, the simulator stands in for the car.
 */
export function CarControls({ booking, timeZone }: { booking: Booking; timeZone: string }) {
  const t = useMessages().car;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const now = useNow(15_000);
  const [running, setRunning] = useState<{ jobId: string; op: Op; at: number } | null>(null);
  const [endedAt, setEndedAt] = useState<number | null>(null);
  const command = useMutation(
    trpc.telematics.command.mutationOptions({
      onSuccess: ({ jobId }, { op }) => setRunning({ jobId, op, at: Date.now() }),
    }),
  );
  const job = useQuery(
    trpc.telematics.job.queryOptions(
      { jobId: running?.jobId ?? '00000000-0000-4000-8000-000000000000' },
      {
        enabled: running !== null,
        refetchInterval: (query) => {
          const data = query.state.data;
          const causePending =
            data?.status === 'VEHICLE_STATE' &&
            data.cause === null &&
            running !== null &&
            Date.now() - running.at < CAUSE_WAIT_MS;
          return isFinished(data) && !causePending ? false : 500;
        },
      },
    ),
  );
  const finished = isFinished(job.data);
  const succeeded = isOk(job.data);
  useEffect(() => {
    if (!finished || !succeeded || !running) return;
    // The booking moves on (reserved → active, active → completed): show it, and its logbook,
    // which a trip begun before the booking's start opens.
    void queryClient.invalidateQueries(trpc.bookings.pathFilter());
    void queryClient.invalidateQueries(trpc.logbook.pathFilter());
    void queryClient.invalidateQueries(trpc.telematics.demo.car.pathFilter());
    if (running.op === 'end') setEndedAt(running.at);
  }, [finished, succeeded, running, queryClient, trpc]);

  const current = isCurrent(booking, now);
  const busy = command.isPending || (running !== null && !finished);
  const showTrip = booking.status === 'completed' || endedAt !== null;
  if (!current && !showTrip && !running) {
    if (booking.status !== 'reserved' || now > booking.endsAt.getTime()) return null;
    const from = new Date(booking.startsAt.getTime() - KEY_LEAD_MS);
    return <p className="hint">{t.keyFrom(formatTime(from, timeZone))}</p>;
  }
  return (
    <>
      {(current || running) && (
        <section className={`card ${styles.panel}`} aria-labelledby="car-title">
          <h2 id="car-title">{t.title}</h2>
          {current && (
            <>
              <p className="hint">{t.hint}</p>
              <div className={styles.buttons}>
                {offered(booking).map((op) => (
                  <button
                    key={op}
                    type="button"
                    className={op === 'unlock' ? undefined : 'secondary'}
                    disabled={busy}
                    onClick={() => command.mutate({ bookingId: booking.id, op })}
                  >
                    {t[op]}
                  </button>
                ))}
              </div>
              {booking.status !== 'active' && <p className="hint">{t.endAfterUnlock}</p>}
            </>
          )}
          {command.error && (
            <p className="error" role="alert">
              {problemOf(command.error).message}
            </p>
          )}
          {running && <JobProgress job={job.data} />}
          {job.error && <p className="error">{problemOf(job.error).message}</p>}
        </section>
      )}
      {current && <SimulatorPanel bookingId={booking.id} timeZone={timeZone} />}
      {showTrip && <TripSummary bookingId={booking.id} since={endedAt ?? now} />}
    </>
  );
}
