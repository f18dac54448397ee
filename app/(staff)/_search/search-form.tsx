'use client';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, lazy, Suspense, useState } from 'react';
import { useMessages } from '../../lib/i18n';
import { useTRPC } from '../../lib/trpc';
import type { SearchQuery } from '../search-results';
import type { Booked } from './booked-note';
import { type ServerProblems, WhenFields } from './when-fields';
import { defaultWindow, followStart, parseWindow, type WallWindow, type WindowFieldProblem } from './window';

const loadResults = () => import('../search-results');
const preloadResults = () => void loadResults();

function Searching() {
  return <p role="status">{useMessages().search.busy}</p>;
}

// The results (cards, booking, the map's frame) are wanted only after a search: they load when the
// person first touches the form (focus or pointer), not with the page, and the form shows what it
// shows while a search runs. React's own lazy, not next/dynamic: the results are never rendered on
// the server (there is no search yet), and next/dynamic would add 2.5 KB to the page's first load.
const SearchResults = lazy(() => loadResults().then((module) => ({ default: module.SearchResults })));

/** Time first: when (from … until …), then where; the free cars follow. */
export function SearchForm({ now, timeZone }: { now: string; timeZone: string }) {
  const messages = useMessages();
  const t = messages.search;
  const powertrainName = messages.powertrain;
  const pageTime = new Date(now);
  const trpc = useTRPC();
  const stations = useQuery(trpc.stations.list.queryOptions());
  const [when, setWhen] = useState<WallWindow>(() => defaultWindow(pageTime, timeZone));
  const [problems, setProblems] = useState<{ from?: WindowFieldProblem; to?: WindowFieldProblem }>({});
  const [serverProblems, setServerProblems] = useState<ServerProblems>({});
  const [query, setQuery] = useState<SearchQuery | null>(null);
  const [booked, setBooked] = useState<Booked | null>(null);
  const [near, setNear] = useState<SearchQuery['near']>(undefined);
  const [locating, setLocating] = useState<'idle' | 'busy' | 'failed'>('idle');

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

  // The end follows a moved start, as it stood in state (the change may be several fields at once).
  function changeWhen(change: Partial<WallWindow>) {
    setWhen((current) => {
      const next = { ...current, ...change };
      const moved = next.fromDate !== current.fromDate || next.fromTime !== current.fromTime;
      return moved ? followStart(current, next, timeZone) : next;
    });
    setProblems({});
    setServerProblems({});
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = parseWindow(when, timeZone);
    if (!parsed.ok) {
      setProblems(parsed.problems);
      const first = parsed.problems.from ? 'fromDate' : 'toDate';
      event.currentTarget.querySelector<HTMLInputElement>(`[name="${first}"]`)?.focus();
      return;
    }
    setBooked(null);
    const form = new FormData(event.currentTarget);
    const place = String(form.get('place'));
    const seats = Number(form.get('minSeats'));
    const powertrain = String(form.get('powertrain'));
    const plannedKm = Number(form.get('plannedKm'));
    setQuery({
      from: parsed.from,
      to: parsed.to,
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
      <h1>{t.title}</h1>
      <form
        className="panel"
        onSubmit={submit}
        onFocus={preloadResults}
        onPointerDown={preloadResults}
        aria-label={t.title}
        noValidate
      >
        <WhenFields
          value={when}
          onChange={changeWhen}
          problems={problems}
          serverProblems={serverProblems}
          timeZone={timeZone}
          now={pageTime}
        />
        <div className="grid" style={{ marginTop: '0.75rem' }}>
          <label>
            {t.place}
            <select name="place" defaultValue="">
              <option value="">{t.anywhere}</option>
              {[...municipalities].map(([id, name]) => (
                <optgroup key={id} label={name}>
                  <option value={`municipality:${id}`}>{t.allOf(name)}</option>
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
            {t.minSeats}
            <select name="minSeats" defaultValue="0">
              <option value="0">{t.anySeats}</option>
              {[2, 4, 5, 7, 9].map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t.powertrain}
            <select name="powertrain" defaultValue="">
              <option value="">{t.anyPowertrain}</option>
              {(['ev', 'phev', 'ice'] as const).map((p) => (
                <option key={p} value={p}>
                  {powertrainName[p]}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t.plannedKm}
            <input name="plannedKm" type="number" min={1} max={2000} inputMode="numeric" />
          </label>
        </div>
        <div className="actions">
          <button type="submit">{t.submit}</button>
          <button type="button" className="secondary" onClick={locate} disabled={locating === 'busy'}>
            {near ? t.nearActive : t.nearMe}
          </button>
        </div>
        {locating === 'failed' && <p className="hint">{t.nearFailed}</p>}
      </form>
      {query && (
        <Suspense fallback={<Searching />}>
          <SearchResults
            query={query}
            timeZone={timeZone}
            onFieldProblems={setServerProblems}
            booked={booked}
            onBooked={setBooked}
            onShift={(from, to) => setQuery({ ...query, from, to })}
          />
        </Suspense>
      )}
    </>
  );
}
