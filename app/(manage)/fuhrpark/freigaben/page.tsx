'use client';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTRPC } from '../../../lib/trpc';
import { de } from '../../../messages/de';
import { ApprovalCard } from './approval-card';

/** What waits for the fleet manager's decision: approve, or decline with a reason. */
export default function ApprovalsPage() {
  const trpc = useTRPC();
  const settings = useQuery(trpc.region.settings.queryOptions());
  const queue = useQuery(trpc.bookings.approvalQueue.queryOptions(undefined, { staleTime: 0 }));
  const [notice, setNotice] = useState<string | null>(null);
  const timeZone = settings.data?.timeZone;

  return (
    <>
      <h1>{de.manage.approvals.title}</h1>
      <p className="hint">{de.manage.approvals.intro}</p>
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      {!timeZone || !queue.data ? (
        <p>{de.errors.loading}</p>
      ) : queue.data.length === 0 ? (
        <p className="hint">{de.manage.approvals.none}</p>
      ) : (
        <ul className="list">
          {queue.data.map((booking) => (
            <ApprovalCard key={booking.id} booking={booking} timeZone={timeZone} onDone={setNotice} />
          ))}
        </ul>
      )}
    </>
  );
}
