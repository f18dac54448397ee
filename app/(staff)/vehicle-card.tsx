'use client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { inferRouterOutputs } from '@trpc/server';
import { useRouter } from 'next/navigation';
import { type FormEvent, useState } from 'react';
import type { AppRouter } from '@/server/root';
import { problemOf } from '../lib/errors';
import { useTRPC } from '../lib/trpc';
import { de } from '../messages/de';

export type FoundVehicle = inferRouterOutputs<AppRouter>['vehicles']['search']['vehicles'][number];

/** One free car with its facts and the two-step booking: „Buchen“, then purpose and confirm. */
export function VehicleCard({ vehicle, from, to }: { vehicle: FoundVehicle; from: Date; to: Date }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const book = useMutation(
    trpc.bookings.create.mutationOptions({
      onSuccess: async (booking) => {
        await queryClient.invalidateQueries(trpc.bookings.mine.queryFilter());
        await queryClient.invalidateQueries(trpc.vehicles.search.queryFilter());
        router.push(`/buchungen/${booking.id}`);
      },
    }),
  );

  function confirm(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const purpose = String(new FormData(event.currentTarget).get('purpose') ?? '');
    book.mutate({ vehicleId: vehicle.id, from, to, purpose: purpose || undefined });
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
          {book.error && (
            <p className="error" role="alert">
              {problemOf(book.error).message}
            </p>
          )}
          <div className="actions">
            <button type="submit" disabled={book.isPending}>
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
