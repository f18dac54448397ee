'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useRef, useState } from 'react';
import { problemOf } from '../../../lib/errors';
import { useLanguage, useMessages } from '../../../lib/i18n';
import { useTRPC } from '../../../lib/trpc';
import { useTypedBeforeHydration } from '../../../lib/typed-before-hydration';
import styles from '../../manage.module.css';
import { FormField } from '../form-field';
import { formatRange } from '../format';
import type { ManagedVehicle } from './types';

/**
 * Retiring a car from a day: first what it would do to the bookings from then on (moved to which
 * car, or cancelled), then the confirmation that does it and tells the bookers.
 */
export function RetirePanel({
  vehicle,
  vehicles,
  timeZone,
  today,
  onDone,
  onCancel,
}: {
  vehicle: ManagedVehicle;
  vehicles: readonly ManagedVehicle[];
  timeZone: string;
  today: string;
  onDone: (notice: string) => void;
  onCancel: () => void;
}) {
  const messages = useMessages();
  const language = useLanguage();
  const t = messages.fleetAdmin.vehicles;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const formId = useId();
  const form = useRef<HTMLFormElement>(null);
  const [from, setFrom] = useState(today);
  const [checked, setChecked] = useState<string | null>(null);
  useTypedBeforeHydration(form, (typed) => {
    if (typeof typed.from === 'string') setFrom(typed.from);
  });
  const request = { id: vehicle.id, from: checked ?? today };
  const preview = useQuery({
    ...trpc.vehicles.retirePreview.queryOptions(request, { retry: false, staleTime: 0 }),
    enabled: checked !== null,
  });
  const retire = useMutation(
    trpc.vehicles.retire.mutationOptions({
      onSuccess: async (result) => {
        await Promise.all([
          queryClient.invalidateQueries(trpc.vehicles.managed.queryFilter()),
          queryClient.invalidateQueries(trpc.vehicles.retirePreview.queryFilter()),
        ]);
        onDone(t.retired(result.vehicle.plate, result.moved.length, result.cancelled.length));
      },
      onError: async () => void (await preview.refetch()),
    }),
  );
  const affected = preview.data?.bookings ?? [];
  const onTrip = affected.some((b) => b.status === 'active' || b.status === 'completed');
  const plateOf = (id: string) => vehicles.find((v) => v.id === id)?.plate ?? t.otherCar;
  const failure = preview.error ? problemOf(preview.error) : retire.error ? problemOf(retire.error) : null;

  function check(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setChecked(from);
  }

  return (
    <form
      ref={form}
      className={`panel ${styles.stack}`}
      onSubmit={check}
      aria-labelledby={`${formId}-title`}
      noValidate
    >
      <h2 id={`${formId}-title`} tabIndex={-1}>
        {t.retireTitle(vehicle.plate)}
      </h2>
      <FormField
        formId={formId}
        name="from"
        label={t.retireFrom}
        hint={t.retireHint}
        errors={failure?.fields.from}
      >
        {(control) => (
          <input
            {...control}
            type="date"
            min={today}
            value={from}
            onChange={({ target: { value } }) => {
              setFrom(value);
              setChecked(null);
            }}
          />
        )}
      </FormField>
      <div className="actions">
        <button type="submit" className="secondary">
          {t.check}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          {messages.fleetAdmin.common.cancel}
        </button>
      </div>
      {checked !== null && (
        <section className={styles.preview} aria-live="polite" aria-label={t.check}>
          {preview.isFetching && !preview.data && <p>{t.checking}</p>}
          {preview.data && affected.length === 0 && <p className="hint">{t.noneAffected}</p>}
          {affected.length > 0 && (
            <>
              <p>{t.affected(affected.length)}</p>
              <ul className={styles.outcomes}>
                {affected.map((booking) => {
                  const lost = booking.replacementVehicleId === null;
                  const outcome =
                    booking.status === 'active' || booking.status === 'completed'
                      ? t.onTrip
                      : booking.replacementVehicleId
                        ? t.movedTo(plateOf(booking.replacementVehicleId))
                        : t.willCancel;
                  return (
                    <li key={booking.id} className={lost ? styles.lost : undefined} data-booking={booking.id}>
                      <strong>{booking.booker}</strong>
                      <p className="meta">
                        {formatRange(messages, language, booking.startsAt, booking.endsAt, timeZone)}
                      </p>
                      <p className={lost ? 'error' : 'meta'}>{outcome}</p>
                    </li>
                  );
                })}
              </ul>
            </>
          )}
          {preview.data && (
            <div className="actions">
              <button
                type="button"
                className="danger"
                disabled={onTrip || retire.isPending}
                onClick={() => retire.mutate({ ...request, confirm: affected.length > 0 })}
              >
                {affected.length > 0 ? t.confirmAffected : t.confirm}
              </button>
            </div>
          )}
        </section>
      )}
      {failure && (
        <p className="error" role="alert">
          {failure.message}
        </p>
      )}
    </form>
  );
}
