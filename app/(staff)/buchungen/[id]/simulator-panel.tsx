'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { problemOf } from '../../../lib/errors';
import { useMessages } from '../../../lib/i18n';
import { formatTime } from '../../../lib/time';
import { useTRPC } from '../../../lib/trpc';
import styles from './car.module.css';

const actions = ['openDoor', 'closeDoor', 'ignitionOn', 'ignitionOff', 'drive', 'charge'] as const;

/**
 * The demo's stand-in for the car itself: doors, ignition, a drive and a charge, so a new user
 * can go through a whole trip without hardware. Shown only where the demo gateways run.
 */
export function SimulatorPanel({ bookingId, timeZone }: { bookingId: string; timeZone: string }) {
  const s = useMessages().car.simulator;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const status = useQuery(trpc.telematics.demo.status.queryOptions());
  const running = status.data?.running === true;
  // Polled: the box locks by itself two minutes after an unlock when no door opened.
  const car = useQuery(
    trpc.telematics.demo.car.queryOptions({ bookingId }, { enabled: running, refetchInterval: 3000 }),
  );
  const act = useMutation(
    trpc.telematics.demo.act.mutationOptions({
      onSuccess: (state) => queryClient.setQueryData(trpc.telematics.demo.car.queryKey({ bookingId }), state),
    }),
  );
  if (!running) return null;
  const state = car.data;
  return (
    <section className={`card ${styles.panel}`} aria-labelledby="simulator-title">
      <h2 id="simulator-title">{s.title}</h2>
      <p className="hint">{s.intro}</p>
      {state && (
        <p className={styles.gauges} data-testid="simulator-state">
          <span className="badge">{state.locked ? s.locked : s.unlocked}</span>
          <span className="badge">{state.doorOpen ? s.doorOpen : s.doorClosed}</span>
          <span className="badge">{state.ignitionOn ? s.ignitionIsOn : s.ignitionIsOff}</span>
          <span className="badge">{s.odometer(state.odometerKm)}</span>
          <span className="badge">{s.soc(state.socPercent)}</span>
          <span className="badge">{s.carTime(formatTime(state.carTime, timeZone))}</span>
        </p>
      )}
      <div className={styles.buttons}>
        {actions.map((action) => (
          <button
            key={action}
            type="button"
            className="secondary"
            disabled={act.isPending}
            onClick={() => act.mutate({ bookingId, action })}
          >
            {s[action]}
          </button>
        ))}
      </div>
      {act.error && (
        <p className="error" role="alert">
          {problemOf(act.error).message}
        </p>
      )}
      {car.error && <p className="error">{problemOf(car.error).message}</p>}
    </section>
  );
}
