'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { type FormEvent, useState } from 'react';
import { problemOf } from '../lib/errors';
import { formatDateTime, formatTime } from '../lib/time';
import { useTRPC } from '../lib/trpc';
import { de } from '../messages/de';

export type SearchQuery = {
  from: Date;
  to: Date;
  stationId?: string;
  municipalityId?: string;
  minSeats?: number;
  powertrain?: 'ev' | 'phev' | 'ice';
};

export function SearchResults({ query, timeZone }: { query: SearchQuery; timeZone: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const results = useQuery(trpc.vehicles.search.queryOptions(query));
  const [chosen, setChosen] = useState<string | null>(null);
  const book = useMutation(
    trpc.bookings.create.mutationOptions({
      onSuccess: async (booking) => {
        await queryClient.invalidateQueries(trpc.bookings.mine.queryFilter());
        await queryClient.invalidateQueries(trpc.vehicles.search.queryFilter());
        router.push(`/buchungen/${booking.id}`);
      },
    }),
  );

  if (results.isPending) return <p>{de.search.busy}</p>;
  if (results.error) {
    const problem = problemOf(results.error);
    return (
      <div role="alert">
        <p className="error">{problem.message}</p>
        {Object.values(problem.fields)
          .flat()
          .map((message) => (
            <p className="error" key={message}>
              {message}
            </p>
          ))}
      </div>
    );
  }

  function confirm(event: FormEvent<HTMLFormElement>, vehicleId: string) {
    event.preventDefault();
    const purpose = String(new FormData(event.currentTarget).get('purpose') ?? '');
    book.mutate({ vehicleId, from: query.from, to: query.to, purpose: purpose || undefined });
  }

  const window = `${formatDateTime(query.from, timeZone)} – ${formatTime(query.to, timeZone)}`;
  return (
    <section aria-label={de.search.found(results.data.length)}>
      <h2>
        {de.search.found(results.data.length)} · {window}
      </h2>
      {results.data.length === 0 && <p className="notice">{de.search.none}</p>}
      <ul className="list">
        {results.data.map((vehicle) => (
          <li key={vehicle.id} className="card" data-plate={vehicle.plate}>
            <h3>
              {vehicle.make} {vehicle.model}
            </h3>
            <p className="meta">
              <span className="badge">{de.powertrain[vehicle.powertrain]}</span>
              {vehicle.plate} · {de.search.seats(vehicle.seats)}
              {vehicle.rangeKm ? ` · ${de.search.range(vehicle.rangeKm)}` : ''}
            </p>
            <p className="meta">
              {vehicle.station.name}
              {vehicle.station.address ? `, ${vehicle.station.address}` : ''}
            </p>
            <p className="meta">{de.search.owner(vehicle.ownerName)}</p>
            {chosen === vehicle.id ? (
              <form onSubmit={(event) => confirm(event, vehicle.id)}>
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
                  <button type="button" className="secondary" onClick={() => setChosen(null)}>
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
                    setChosen(vehicle.id);
                  }}
                >
                  {de.search.book}
                </button>
              </div>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
