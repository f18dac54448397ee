'use client';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useMessages } from '../../../lib/i18n';
import { useTRPC } from '../../../lib/trpc';
import { ApprovalCard } from './approval-card';

/** The request a mail's „Anfrage prüfen“ link names: /fuhrpark/freigaben?anfrage=<id>#anfrage-<id>. */
function useLinkedRequest(): string | null {
  const [linked, setLinked] = useState<string | null>(null);
  // Read after mounting (not useSearchParams): the page stays static, with no Suspense boundary.
  useEffect(() => setLinked(new URLSearchParams(window.location.search).get('anfrage')), []);
  return linked;
}

/** What waits for the fleet manager's decision: approve, or decline with a reason. */
export function ApprovalsView() {
  const messages = useMessages();
  const trpc = useTRPC();
  const settings = useQuery(trpc.region.settings.queryOptions());
  const queue = useQuery(trpc.bookings.approvalQueue.queryOptions(undefined, { staleTime: 0 }));
  const [notice, setNotice] = useState<string | null>(null);
  const timeZone = settings.data?.timeZone;
  const linked = useLinkedRequest();
  const linkedWaiting = linked !== null && queue.data?.some((booking) => booking.id === linked);

  // The list arrives after the page, so the browser's own jump to #anfrage-<id> found nothing yet.
  useEffect(() => {
    if (linked && linkedWaiting)
      document.getElementById(`anfrage-${linked}`)?.scrollIntoView({ block: 'center' });
  }, [linked, linkedWaiting]);

  return (
    <>
      <h1>{messages.manage.approvals.title}</h1>
      <p className="hint">{messages.manage.approvals.intro}</p>
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      {/* Not after deciding it here: then the notice above says what became of it. */}
      {linked && queue.data && !linkedWaiting && !notice && (
        <p className="notice" role="status">
          {messages.manage.approvals.linkedGone}
        </p>
      )}
      {!timeZone || !queue.data ? (
        <p>{messages.errors.loading}</p>
      ) : queue.data.length === 0 ? (
        <p className="hint">{messages.manage.approvals.none}</p>
      ) : (
        <ul className="list">
          {queue.data.map((booking) => (
            <ApprovalCard
              key={booking.id}
              booking={booking}
              timeZone={timeZone}
              onDone={setNotice}
              linked={booking.id === linked}
            />
          ))}
        </ul>
      )}
    </>
  );
}
