'use client';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { instantOf, todayIn } from '../lib/time';
import { useTRPC } from '../lib/trpc';
import { de } from '../messages/de';
import { type SearchQuery, SearchResults } from './search-results';

/** Time first: when, then where; the free cars follow. */
export default function SearchPage() {
  const trpc = useTRPC();
  const settings = useQuery(trpc.region.settings.queryOptions());
  const stations = useQuery(trpc.stations.list.queryOptions());
  const [query, setQuery] = useState<SearchQuery | null>(null);
  const [near, setNear] = useState<SearchQuery['near']>(undefined);
  const [locating, setLocating] = useState<'idle' | 'busy' | 'failed'>('idle');
  const timeZone = settings.data?.timeZone;
  if (!timeZone) return <p>{de.errors.loading}</p>;

  const municipalities = new Map<string, string>();
  for (const s of stations.data ?? []) municipalities.set(s.municipalityId, s.municipalityName);

  /** Ranks by distance from where the person stands; the position stays in the browser's request. */
  function locate() {
    if (near) return setNear(undefined);
    setLocating('busy');
    navigator.geolocation.getCurrentPosition(
      ({ coords }) => {
        setNear({ latitude: coords.latitude, longitude: coords.longitude });
        setLocating('idle');
      },
      () => setLocating('failed'),
      { maximumAge: 300_000, timeout: 10_000 },
    );
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!timeZone) return;
    const form = new FormData(event.currentTarget);
    const date = String(form.get('date'));
    const place = String(form.get('place'));
    const seats = Number(form.get('minSeats'));
    const powertrain = String(form.get('powertrain'));
    const plannedKm = Number(form.get('plannedKm'));
    setQuery({
      from: instantOf(date, String(form.get('from')), timeZone),
      to: instantOf(date, String(form.get('to')), timeZone),
      stationId: place.startsWith('station:') ? place.slice(8) : undefined,
      municipalityId: place.startsWith('municipality:') ? place.slice(13) : undefined,
      minSeats: seats > 0 ? seats : undefined,
      powertrain:
        powertrain === 'ev' || powertrain === 'phev' || powertrain === 'ice' ? powertrain : undefined,
      plannedKm: plannedKm > 0 ? Math.round(plannedKm) : undefined,
      near,
    });
  }

  return (
    <>
      <h1>{de.search.title}</h1>
      <form className="panel" onSubmit={submit} aria-label={de.search.title}>
        <div className="grid">
          <label>
            {de.search.date}
            <input name="date" type="date" defaultValue={todayIn(timeZone)} required />
          </label>
          <label>
            {de.search.from}
            <input name="from" type="time" defaultValue="09:00" step={300} required />
          </label>
          <label>
            {de.search.to}
            <input name="to" type="time" defaultValue="12:00" step={300} required />
          </label>
        </div>
        <div className="grid" style={{ marginTop: '0.75rem' }}>
          <label>
            {de.search.place}
            <select name="place" defaultValue="">
              <option value="">{de.search.anywhere}</option>
              {[...municipalities].map(([id, name]) => (
                <optgroup key={id} label={name}>
                  <option value={`municipality:${id}`}>{de.search.allOf(name)}</option>
                  {(stations.data ?? [])
                    .filter((s) => s.municipalityId === id)
                    .map((s) => (
                      <option key={s.id} value={`station:${s.id}`}>
                        {s.name}
                      </option>
                    ))}
                </optgroup>
              ))}
            </select>
          </label>
          <label>
            {de.search.minSeats}
            <select name="minSeats" defaultValue="0">
              <option value="0">{de.search.anySeats}</option>
              {[2, 4, 5, 7, 9].map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </label>
          <label>
            {de.search.powertrain}
            <select name="powertrain" defaultValue="">
              <option value="">{de.search.anyPowertrain}</option>
              {(['ev', 'phev', 'ice'] as const).map((p) => (
                <option key={p} value={p}>
                  {de.powertrain[p]}
                </option>
              ))}
            </select>
          </label>
          <label>
            {de.search.plannedKm}
            <input name="plannedKm" type="number" min={1} max={2000} inputMode="numeric" />
          </label>
        </div>
        <div className="actions">
          <button type="submit">{de.search.submit}</button>
          <button type="button" className="secondary" onClick={locate} disabled={locating === 'busy'}>
            {near ? de.search.nearActive : de.search.nearMe}
          </button>
        </div>
        {locating === 'failed' && <p className="hint">{de.search.nearFailed}</p>}
      </form>
      {query && (
        <SearchResults
          query={query}
          timeZone={timeZone}
          onShift={(from, to) => setQuery({ ...query, from, to })}
        />
      )}
    </>
  );
}
