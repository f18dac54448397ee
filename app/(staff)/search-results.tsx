'use client';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { problemOf } from '../lib/errors';
import { useLanguage, useMessages } from '../lib/i18n';
import type { Language } from '../lib/language';
import { formatDateTime, formatTime, todayIn } from '../lib/time';
import { useTRPC } from '../lib/trpc';
import { StationMap, stationsOf } from './_map/station-map';
import { type Booked, BookedNote } from './_search/booked-note';
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

/** "Mi., 02.12.2026, 13:05 – 15:05", or with the end's date when the window passes midnight. */
export const spanText = (from: Date, to: Date, timeZone: string, language: Language) =>
  `${formatDateTime(from, timeZone, language)} – ${
    todayIn(timeZone, from) === todayIn(timeZone, to)
      ? formatTime(to, timeZone, language)
      : formatDateTime(to, timeZone, language)
  }`;

export function SearchResults({
  query,
  timeZone,
  onShift,
  onFieldProblems,
  booked,
  onBooked,
}: {
  query: SearchQuery;
  timeZone: string;
  onShift: (from: Date, to: Date) => void;
  /** The server's word on the window's fields (e.g. a start in the past), shown at the field. */
  onFieldProblems: (problems: { from?: string[]; to?: string[] }) => void;
  booked: Booked | null;
  onBooked: (booked: Booked) => void;
}) {
  const t = useMessages().search;
  const language = useLanguage();
  const trpc = useTRPC();
  const results = useQuery(trpc.vehicles.search.queryOptions(query));
  // Every car the answer names, asked in one go: the next booker sees each one's open damages.
  const shownIds = results.data
    ? [...results.data.vehicles, ...(results.data.alternatives?.otherStations ?? [])]
        .map((v) => v.id)
        .filter((id, index, all) => all.indexOf(id) === index)
        .slice(0, 50)
    : [];
  const damages = useQuery({
    ...trpc.damage.openOfCars.queryOptions({ vehicleIds: shownIds }),
    enabled: shownIds.length > 0,
  });
  const heading = useRef<HTMLHeadingElement>(null);
  const focusedFor = useRef<SearchQuery | null>(null);
  const span = (from: Date, to: Date) => spanText(from, to, timeZone, language);

  // Focus moves to the answer once per search, not again when a booking refreshes the list.
  useEffect(() => {
    if ((!results.data && !results.error) || focusedFor.current === query) return;
    focusedFor.current = query;
    heading.current?.focus();
  }, [results.data, results.error, query]);
  useEffect(() => {
    if (!results.error) return;
    const { fields } = problemOf(results.error);
    onFieldProblems({ from: fields.from, to: fields.to });
  }, [results.error, onFieldProblems]);

  if (results.isPending) return <p role="status">{t.busy}</p>;
  if (results.isError) {
    const { message, fields } = problemOf(results.error);
    return (
      <div role="alert">
        <h2 className="error" ref={heading} tabIndex={-1}>
          {message}
        </h2>
        {Object.entries(fields)
          .filter(([field]) => field !== 'from' && field !== 'to')
          .flatMap(([, messages]) => messages)
          .map((message) => (
            <p className="error" key={message}>
              {message}
            </p>
          ))}
      </div>
    );
  }

  const { vehicles, alternatives, hidden } = results.data;
  const damagesOf = (vehicleId: string) => (damages.data ?? []).filter((d) => d.vehicleId === vehicleId);
  const list = (shown: FoundVehicle[]) => (
    <ul className="list">
      {shown.map((vehicle) => (
        <VehicleCard
          key={vehicle.id}
          vehicle={vehicle}
          from={query.from}
          to={query.to}
          timeZone={timeZone}
          damages={damagesOf(vehicle.id)}
          onBooked={onBooked}
        />
      ))}
    </ul>
  );
  return (
    <section aria-labelledby="search-results-heading">
      {booked && <BookedNote booked={booked} timeZone={timeZone} />}
      <h2 id="search-results-heading" ref={heading} tabIndex={-1}>
        {t.found(vehicles.length)} · {span(query.from, query.to)}
      </h2>
      {vehicles.length === 0 && hidden.count === 0 && <p className="notice">{t.none}</p>}
      {hidden.count > 0 && (
        <div className="notice">
          <p>{t.hidden(hidden.count)}</p>
          <ul>
            {hidden.rules.map((rule) => (
              <li key={rule.rule}>
                {rule.message[language]} ({t.hiddenCount(rule.count)})
              </li>
            ))}
          </ul>
        </div>
      )}
      {list(vehicles)}
      <StationMap stations={stationsOf(vehicles)} timelineHref={(id) => `/zeitplan?station=${id}`} />
      {alternatives && alternatives.shifted.length > 0 && (
        <>
          <h2>{t.otherTimes}</h2>
          <ul className="list">
            {alternatives.shifted.map((option) => (
              <li key={option.shiftHours} className="card">
                <h3>{t.shift(option.shiftHours)}</h3>
                <p className="meta">
                  {span(option.from, option.to)} · {t.found(option.vehicles.length)}
                </p>
                <div className="actions">
                  <button type="button" className="secondary" onClick={() => onShift(option.from, option.to)}>
                    {t.takeTime}
                  </button>
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
      {alternatives && alternatives.otherStations.length > 0 && (
        <>
          <h2>{t.otherStations}</h2>
          {list(alternatives.otherStations)}
        </>
      )}
    </section>
  );
}
