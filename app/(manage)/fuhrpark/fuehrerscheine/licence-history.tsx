'use client';
import { useQuery } from '@tanstack/react-query';
import { useLanguage, useMessages } from '../../../lib/i18n';
import { useTRPC } from '../../../lib/trpc';
import styles from '../compliance.module.css';
import { formatDay, ScrollTable } from '../compliance-fields';
import type { LicencePerson } from './licence-view';

/** Every check of one person, newest first: kept as recorded, a correction is a new check. */
export function LicenceHistory({ person }: { person: LicencePerson }) {
  const messages = useMessages();
  const language = useLanguage();
  const t = messages.compliance.licences;
  const trpc = useTRPC();
  const history = useQuery(trpc.licenceChecks.history.queryOptions({ userId: person.id }));
  return (
    <section aria-labelledby="licence-history">
      <h2 id="licence-history">{t.historyTitle(person.name)}</h2>
      {!history.data ? (
        <p>{messages.errors.loading}</p>
      ) : history.data.checks.length === 0 ? (
        <p className="hint">{t.historyNone}</p>
      ) : (
        <ScrollTable label={t.historyTitle(person.name)}>
          <table className={styles.table}>
            <thead>
              <tr>
                <th scope="col">{t.checkedOn}</th>
                <th scope="col">{t.checkedBy}</th>
                <th scope="col">{t.classes}</th>
                <th scope="col">{t.restrictions}</th>
                <th scope="col">{t.cardUntil}</th>
                <th scope="col">{t.validUntil}</th>
              </tr>
            </thead>
            <tbody>
              {history.data.checks.map((check) => (
                <tr key={check.id}>
                  <th scope="row">{formatDay(check.checkedOn, language)}</th>
                  <td>{check.checkedByName}</td>
                  <td>{check.classes.join(', ')}</td>
                  <td>{check.restrictions.join(', ') || messages.compliance.never}</td>
                  <td>{check.cardExpiresOn ? formatDay(check.cardExpiresOn, language) : t.noExpiry}</td>
                  <td>{formatDay(check.validUntil, language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      )}
    </section>
  );
}
