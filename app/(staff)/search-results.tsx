'use client';
import { useQuery } from '@tanstack/react-query';
import { problemOf } from '../lib/errors';
import { formatDateTime, formatTime } from '../lib/time';
import { useTRPC } from '../lib/trpc';
import { de } from '../messages/de';
import { type FoundVehicle, VehicleCard } from './vehicle-card';

export type SearchQuery = {
  from: Date;
  to: Date;
  stationId?: string;
  municipalityId?: string;
  minSeats?: number;
  powertrain?: 'ev' | 'phev' | 'ice';
  plannedKm?: number;
  near?: { latitude: number; longitude: number };
};

export function SearchResults({
  query,
  timeZone,
  onShift,
}: {
  query: SearchQuery;
  timeZone: string;
  onShift: (from: Date, to: Date) => void;
}) {
  const trpc = useTRPC();
  const results = useQuery(trpc.vehicles.search.queryOptions(query));
  const span = (from: Date, to: Date) => `${formatDateTime(from, timeZone)} – ${formatTime(to, timeZone)}`;

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

  const { vehicles, alternatives } = results.data;
  return (
    <section aria-label={de.search.found(vehicles.length)}>
      <h2>
        {de.search.found(vehicles.length)} · {span(query.from, query.to)}
      </h2>
      {vehicles.length === 0 && <p className="notice">{de.search.none}</p>}
      <VehicleList vehicles={vehicles} query={query} timeZone={timeZone} />
      {alternatives && alternatives.shifted.length > 0 && (
        <>
          <h2>{de.search.otherTimes}</h2>
          <ul className="list">
            {alternatives.shifted.map((option) => (
              <li key={option.shiftHours} className="card">
                <h3>{de.search.shift(option.shiftHours)}</h3>
                <p className="meta">
                  {span(option.from, option.to)} · {de.search.found(option.vehicles.length)}
                </p>
                <div className="actions">
                  <button type="button" className="secondary" onClick={() => onShift(option.from, option.to)}>
                    {de.search.takeTime}
                  </button>
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
      {alternatives && alternatives.otherStations.length > 0 && (
        <>
          <h2>{de.search.otherStations}</h2>
          <VehicleList vehicles={alternatives.otherStations} query={query} timeZone={timeZone} />
        </>
      )}
    </section>
  );
}

function VehicleList({
  vehicles,
  query,
  timeZone,
}: {
  vehicles: FoundVehicle[];
  query: SearchQuery;
  timeZone: string;
}) {
  return (
    <ul className="list">
      {vehicles.map((vehicle) => (
        <VehicleCard key={vehicle.id} vehicle={vehicle} from={query.from} to={query.to} timeZone={timeZone} />
      ))}
    </ul>
  );
}
