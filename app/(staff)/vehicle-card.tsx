'use client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { inferRouterOutputs } from '@trpc/server';
import { useRouter } from 'next/navigation';
import { type FormEvent, useState } from 'react';
import type { AppRouter } from '@/server/root';
import { detailsOf, problemOf } from '../lib/errors';
import { todayIn, wallTime } from '../lib/time';
import { useTRPC } from '../lib/trpc';
import { de } from '../messages/de';
import { SeriesConflicts, SeriesFields } from './series-fields';

export type FoundVehicle = inferRouterOutputs<AppRouter>['vehicles']['search']['vehicles'][number];

/** One free car with its facts and the two-step booking: „Buchen“, then purpose and confirm. */
export function VehicleCard({
  vehicle,
  from,
  to,
  timeZone,
}: {
  vehicle: FoundVehicle;
  from: Date;
  to: Date;
  timeZone: string;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [repeat, setRepeat] = useState(false);
  const [seriesNote, setSeriesNote] = useState<string | null>(null);
  // A weekly repeat is a same-day slot: an overnight booking has no single weekday and time.
  const sameDay = todayIn(timeZone, from) === todayIn(timeZone, new Date(to.getTime() - 1));
  const book = useMutation(
    trpc.bookings.create.mutationOptions({
      onSuccess: async (booking) => {
        await queryClient.invalidateQueries(trpc.bookings.mine.queryFilter());
        await queryClient.invalidateQueries(trpc.vehicles.search.queryFilter());
        router.push(`/buchungen/${booking.id}`);
      },
    }),
  );

  const bookSeries = useMutation(
    trpc.bookings.createSeries.mutationOptions({
      onSuccess: async (result) => {
        setSeriesNote(de.series.booked(result.bookingIds.length, result.skipped.length));
        await queryClient.invalidateQueries(trpc.bookings.mine.queryFilter());
        await queryClient.invalidateQueries(trpc.vehicles.search.queryFilter());
      },
    }),
  );
  const error = book.error ?? bookSeries.error;
  const conflicts = detailsOf(bookSeries.error, 'SERIES_CONFLICTS')?.conflicts;

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

  return (
    <li className="card" data-plate={vehicle.plate}>
      <h3>
        {vehicle.make} {vehicle.model}
      </h3>
      <p className="meta">
        <span className="badge">{de.powertrain[vehicle.powertrain]}</span>
        {vehicle.plate} · {de.search.seats(vehicle.seats)}
        {vehicle.rangeKm ? ` · ${de.search.range(vehicle.rangeKm, vehicle.socPercent)}` : ''}
      </p>
      {vehicle.rangeWarning && (
        <p className="error" role="note">
          {de.search.rangeWarning}
        </p>
      )}
      <p className="meta">
        {vehicle.station.name}
        {vehicle.station.address ? `, ${vehicle.station.address}` : ''}
        {vehicle.distanceKm !== null ? ` · ${de.search.distance(vehicle.distanceKm)}` : ''}
      </p>
      <p className="meta">{de.search.owner(vehicle.ownerName)}</p>
      {open ? (
        <form onSubmit={confirm}>
          <label>
            {de.search.purpose}
            <input name="purpose" maxLength={200} />
          </label>
          {sameDay && (
            <label style={{ flexDirection: 'row', alignItems: 'center', gap: '0.5rem' }}>
              <input type="checkbox" checked={repeat} onChange={(e) => setRepeat(e.target.checked)} />
              {de.series.repeat}
            </label>
          )}
          {repeat && <SeriesFields />}
          {error && (
            <p className="error" role="alert">
              {problemOf(error).message}
            </p>
          )}
          {conflicts && <SeriesConflicts conflicts={conflicts} timeZone={timeZone} />}
          {seriesNote && (
            <p className="notice" role="status">
              {seriesNote}
            </p>
          )}
          <div className="actions">
            <button type="submit" disabled={book.isPending || bookSeries.isPending}>
              {book.isPending ? de.search.booking : de.search.confirm}
            </button>
            <button type="button" className="secondary" onClick={() => setOpen(false)}>
              {de.search.cancel}
            </button>
          </div>
        </form>
      ) : (
        <div className="actions">
          <button
            type="button"
            onClick={() => {
              book.reset();
              bookSeries.reset();
              setSeriesNote(null);
              setOpen(true);
            }}
          >
            {de.search.book}
          </button>
        </div>
      )}
    </li>
  );
}
