'use client';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useMessages } from '../../../lib/i18n';
import { useTRPC } from '../../../lib/trpc';
import { AuditEntry } from './audit-entry';

export interface AuditQuery {
  municipalityId?: string;
  objectType?: string;
}

/** The log page by page (50 each), each older page asked for with the button under the last. */
export function AuditPages({ query, timeZone }: { query: AuditQuery; timeZone: string }) {
  const [cursors, setCursors] = useState<(number | undefined)[]>([undefined]);
  return (
    <section aria-label={useMessages().audit.title}>
      {cursors.map((beforeSeq, index) => (
        <AuditPage
          key={beforeSeq ?? 'newest'}
          query={query}
          beforeSeq={beforeSeq}
          timeZone={timeZone}
          isLast={index === cursors.length - 1}
          onOlder={(seq) => setCursors((all) => [...all, seq])}
        />
      ))}
    </section>
  );
}

function AuditPage({
  query,
  beforeSeq,
  timeZone,
  isLast,
  onOlder,
}: {
  query: AuditQuery;
  beforeSeq: number | undefined;
  timeZone: string;
  isLast: boolean;
  onOlder: (beforeSeq: number) => void;
}) {
  const messages = useMessages();
  const t = messages.audit;
  const trpc = useTRPC();
  const page = useQuery(
    trpc.audit.list.queryOptions(beforeSeq === undefined ? query : { ...query, beforeSeq }, { staleTime: 0 }),
  );
  const first = useRef<HTMLLIElement>(null);
  const focused = useRef(false);
  // An older page asked for by the button: the reader goes on reading at its first entry (once, not on each refetch).
  useEffect(() => {
    if (beforeSeq === undefined || !page.data || focused.current) return;
    focused.current = true;
    first.current?.focus();
  }, [beforeSeq, page.data]);

  if (!page.data) return <p>{page.error ? messages.errors.generic : t.loadingMore}</p>;
  const { entries, more } = page.data;
  if (beforeSeq === undefined && entries.length === 0) return <p className="hint">{t.none}</p>;
  const last = entries.at(-1);
  return (
    <>
      <ul className="list">
        {entries.map((entry, index) => (
          <AuditEntry
            key={entry.seq}
            entry={entry}
            timeZone={timeZone}
            ref={index === 0 ? first : undefined}
          />
        ))}
      </ul>
      {isLast && more && last && (
        <div className="actions">
          <button type="button" onClick={() => onOlder(last.seq)}>
            {t.more}
          </button>
        </div>
      )}
    </>
  );
}
