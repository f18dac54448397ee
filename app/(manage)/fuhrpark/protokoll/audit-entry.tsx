'use client';
import type { inferRouterOutputs } from '@trpc/server';
import type { Ref } from 'react';
import type { AppRouter } from '@/server/root';
import { useLanguage, useMessages } from '../../../lib/i18n';
import { localeOf } from '../../../lib/language';
import { formatDateTime } from '../../../lib/time';
import { changedFields, readableValue } from './changes';
import styles from './protokoll.module.css';

type Entry = inferRouterOutputs<AppRouter>['audit']['list']['entries'][number];

/** One entry: when, who, what in words, on which object, and the fields it changed. */
export function AuditEntry({
  entry,
  timeZone,
  ref,
}: {
  entry: Entry;
  timeZone: string;
  ref?: Ref<HTMLLIElement>;
}) {
  const t = useMessages().audit;
  const language = useLanguage();
  const changes = changedFields(entry.before, entry.after);
  const words = {
    yes: t.yes,
    no: t.no,
    empty: t.empty,
    dateTime: (instant: Date) => formatDateTime(instant, timeZone, language),
    number: (n: number) => n.toLocaleString(localeOf(language)),
  };
  return (
    <li className="card" data-audit-seq={entry.seq} ref={ref} tabIndex={-1}>
      <h3>{t.actions[entry.action] ?? entry.action}</h3>
      <p className="meta">
        <time dateTime={entry.at.toISOString()}>{formatDateTime(entry.at, timeZone, language)}</time>{' '}
        {t.by(entry.actorId === null ? t.system : entry.actorName)}
      </p>
      <p className="meta">{t.object(t.objectTypes[entry.objectType] ?? entry.objectType, entry.objectId)}</p>
      {changes.length === 0 ? (
        <p className="meta">{t.noChanges}</p>
      ) : (
        <table className={styles.changes}>
          <caption>{t.changes}</caption>
          <thead>
            <tr>
              <th scope="col">{t.field}</th>
              <th scope="col">{t.before}</th>
              <th scope="col">{t.after}</th>
            </tr>
          </thead>
          <tbody>
            {changes.map((change) => (
              <tr key={change.field}>
                <th scope="row">{t.fields[change.field] ?? change.field}</th>
                <td>{readableValue(change.before, words)}</td>
                <td>{readableValue(change.after, words)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </li>
  );
}
