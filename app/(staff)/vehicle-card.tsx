'use client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { inferRouterOutputs } from '@trpc/server';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import type { AppRouter } from '@/server/root';
import { detailsOf, problemOf } from '../lib/errors';
import { useLanguage, useMessages } from '../lib/i18n';
import { todayIn, wallTime } from '../lib/time';
import { useTRPC } from '../lib/trpc';
import type { Booked } from './_search/booked-note';
import { type OpenDamage, OpenDamages } from './open-damages';
import { spanText } from './search-results';
import { SeriesConflicts, SeriesFields } from './series-fields';

export type FoundVehicle = inferRouterOutputs<AppRouter>['vehicles']['search']['vehicles'][number];

/** One free car with its facts and the booking in place: „Buchen“, then the optional purpose and confirm. */
export function VehicleCard({
  vehicle,
  from,
  to,
  timeZone,
  damages,
  onBooked,
}: {
  vehicle: FoundVehicle;
  from: Date;
  to: Date;
  timeZone: string;
  /** The car's open damage reports, asked once for the whole result list. */
  damages: readonly OpenDamage[];
  onBooked: (booked: Booked) => void;
}) {
  const messages = useMessages();
  const language = useLanguage();
  const t = messages.search;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [repeat, setRepeat] = useState(false);
  const purposeField = useRef<HTMLInputElement>(null);
  const car = `${vehicle.make} ${vehicle.model} (${vehicle.plate})`;
  // A weekly repeat is a same-day slot: an overnight booking has no single weekday and time.
  const sameDay = todayIn(timeZone, from) === todayIn(timeZone, new Date(to.getTime() - 1));
  const refresh = async () => {
    await queryClient.invalidateQueries(trpc.bookings.mine.queryFilter());
    await queryClient.invalidateQueries(trpc.vehicles.search.queryFilter());
  };
  const book = useMutation(
    trpc.bookings.create.mutationOptions({
      onSuccess: async (booking) => {
        onBooked({ kind: 'single', id: booking.id, car, span: spanText(from, to, timeZone, language) });
        await refresh();
      },
    }),
  );
  const bookSeries = useMutation(
    trpc.bookings.createSeries.mutationOptions({
      onSuccess: async (result, input) => {
        onBooked({
          kind: 'series',
          car,
          rule: {
            firstDay: input.firstDay,
            startTime: input.startTime,
            endTime: input.endTime,
            weeks: input.weeks,
          },
          firstBookingId: result.bookingIds[0] ?? null,
          skipped: result.skipped,
        });
        await refresh();
      },
    }),
  );
  const error = book.error ?? bookSeries.error;
  const conflicts = detailsOf(bookSeries.error, 'SERIES_CONFLICTS')?.conflicts;
  useEffect(() => {
    if (open) purposeField.current?.focus();
  }, [open]);

  function confirm(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const purpose = String(form.get('purpose') ?? '') || undefined;
    if (!repeat) return book.mutate({ vehicleId: vehicle.id, from, to, purpose });
    bookSeries.mutate({
      vehicleId: vehicle.id,
      firstDay: todayIn(timeZone, from),
      startTime: wallTime(from, timeZone),
      endTime: wallTime(to, timeZone),
      weeks: Number(form.get('weeks')),
      skipConflicts: form.get('skipConflicts') === 'on',
      purpose,
    });
  }

  const charge =
    vehicle.rangeKm && vehicle.socPercent !== null
      ? t.charge(vehicle.socPercent, Math.floor((vehicle.rangeKm * vehicle.socPercent) / 100))
      : null;
  return (
    <li className="card" data-plate={vehicle.plate}>
      <h3>
        {vehicle.make} {vehicle.model}
      </h3>
      <p className="meta">
        <span className="badge">{messages.powertrain[vehicle.powertrain]}</span>
        {vehicle.plate} · {t.seats(vehicle.seats)}
        {vehicle.rangeKm ? ` · ${t.range(vehicle.rangeKm)}` : ''}
        {charge ? ` · ${charge}` : ''}
      </p>
      <OpenDamages damages={damages} timeZone={timeZone} />
      {vehicle.rangeWarning && (
        <p className="error" role="note">
          {t.rangeWarning}
        </p>
      )}
      <p className="meta">
        {vehicle.station.name}
        {vehicle.station.address ? `, ${vehicle.station.address}` : ''}
        {vehicle.distanceKm !== null ? ` · ${t.distance(vehicle.distanceKm)}` : ''}
      </p>
      <p className="meta">{t.owner({ name: vehicle.ownerName, genitive: vehicle.ownerGenitive })}</p>
      {open ? (
        <form onSubmit={confirm} aria-label={t.bookThis(car)}>
          <label>
            {t.purpose}
            <input name="purpose" maxLength={200} ref={purposeField} />
          </label>
          {sameDay && (
            <label style={{ flexDirection: 'row', alignItems: 'center', gap: '0.5rem' }}>
              <input type="checkbox" checked={repeat} onChange={(e) => setRepeat(e.target.checked)} />
              {messages.series.repeat}
            </label>
          )}
          {repeat && <SeriesFields />}
          {error && (
            <p className="error" role="alert">
              {problemOf(error).message}
            </p>
          )}
          {conflicts && <SeriesConflicts conflicts={conflicts} timeZone={timeZone} />}
          <div className="actions">
            <button type="submit" disabled={book.isPending || bookSeries.isPending}>
              {book.isPending || bookSeries.isPending ? t.booking : t.confirm}
            </button>
            <button type="button" className="secondary" onClick={() => setOpen(false)}>
              {t.cancel}
            </button>
          </div>
        </form>
      ) : (
        <div className="actions">
          <button
            type="button"
            aria-label={t.bookThis(car)}
            onClick={() => {
              book.reset();
              bookSeries.reset();
              setOpen(true);
            }}
          >
            {t.book}
          </button>
        </div>
      )}
    </li>
  );
}
