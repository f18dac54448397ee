'use client';
import { useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useMessages } from '../../../lib/i18n';
import { useTRPC } from '../../../lib/trpc';
import { useTypedBeforeHydration } from '../../../lib/typed-before-hydration';
import { AuditPages, type AuditQuery } from './audit-pages';
import styles from './protokoll.module.css';

/** The kinds of object the log names today; an entry of another kind still shows, by its code. */
const objectTypes = [
  'policy',
  'block',
  'booking',
  'tariff',
  'vehicle_cost',
  'co2_factors',
  'accounting',
  'settlement',
  'gateway',
  'box',
  'user',
  'key',
];

/** The audit log: newest first, filtered by kind of object and, for the operator, by municipality; with its export. */
export function AuditView() {
  const messages = useMessages();
  const t = messages.audit;
  const trpc = useTRPC();
  const me = useQuery(trpc.auth.me.queryOptions());
  const stations = useQuery(trpc.stations.list.queryOptions());
  const settings = useQuery(trpc.region.settings.queryOptions());
  const [municipalityId, setMunicipalityId] = useState('');
  const [objectType, setObjectType] = useState('');
  const filters = useRef<HTMLDivElement>(null);
  useTypedBeforeHydration(filters, (typed) => {
    if (typeof typed.municipalityId === 'string') setMunicipalityId(typed.municipalityId);
    if (typeof typed.objectType === 'string') setObjectType(typed.objectType);
  });
  const timeZone = settings.data?.timeZone;
  if (!me.data || !stations.data || !timeZone) return <p>{messages.errors.loading}</p>;

  const municipalities = new Map<string, string>();
  for (const s of stations.data) municipalities.set(s.municipalityId, s.municipalityName);
  const isOperator = me.data.role === 'operator';
  // Only the keys that are set: the first page's input is then the one the server prefetched.
  const query: AuditQuery = {
    ...(isOperator && municipalityId ? { municipalityId } : {}),
    ...(objectType ? { objectType } : {}),
  };
  const exportQuery = query.municipalityId
    ? `?municipalityId=${encodeURIComponent(query.municipalityId)}`
    : '';

  return (
    <>
      <h1>{t.title}</h1>
      <p className="hint">{t.intro}</p>
      {!isOperator && <h2>{municipalities.get(me.data.municipalityId ?? '') ?? ''}</h2>}
      <div ref={filters} className={styles.filters}>
        {isOperator && (
          <label>
            {t.municipality}
            <select
              name="municipalityId"
              value={municipalityId}
              onChange={(event) => setMunicipalityId(event.target.value)}
            >
              <option value="">{t.allMunicipalities}</option>
              {[...municipalities].map(([id, name]) => (
                <option key={id} value={id}>
                  {name}
                </option>
              ))}
            </select>
          </label>
        )}
        <label>
          {t.objectType}
          <select
            name="objectType"
            value={objectType}
            onChange={(event) => setObjectType(event.target.value)}
          >
            <option value="">{t.allObjects}</option>
            {objectTypes.map((type) => (
              <option key={type} value={type}>
                {t.objectTypes[type] ?? type}
              </option>
            ))}
          </select>
        </label>
      </div>
      <nav className={styles.exports} aria-label={t.export}>
        <a href={`/api/protokoll/protokoll.csv${exportQuery}`} download>
          {t.exportCsv}
        </a>
        <a href={`/api/protokoll/protokoll.xlsx${exportQuery}`} download>
          {t.exportXlsx}
        </a>
      </nav>
      <AuditPages key={JSON.stringify(query)} query={query} timeZone={timeZone} />
    </>
  );
}
