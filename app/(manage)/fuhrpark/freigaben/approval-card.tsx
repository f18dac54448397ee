'use client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { inferRouterOutputs } from '@trpc/server';
import { type FormEvent, useState } from 'react';
import type { AppRouter } from '@/server/root';
import { problemOf } from '../../../lib/errors';
import { useLanguage, useMessages } from '../../../lib/i18n';
import { formatDateTime } from '../../../lib/time';
import { useTRPC } from '../../../lib/trpc';
import styles from '../../manage.module.css';
import { formatRange } from '../format';

export type PendingBooking = inferRouterOutputs<AppRouter>['bookings']['approvalQueue'][number];

/** The card a mail's link points at stands out, so the manager decides the request they were asked about. */
const linkedStyle = { outline: '3px solid var(--accent)', outlineOffset: '2px' } as const;

/** One booking waiting for a decision; declining asks for the reason the booker will read. */
export function ApprovalCard({
  booking,
  timeZone,
  onDone,
  linked = false,
}: {
  booking: PendingBooking;
  timeZone: string;
  onDone: (notice: string) => void;
  /** Opened from this request's mail: highlighted and named so. */
  linked?: boolean;
}) {
  const messages = useMessages();
  const language = useLanguage();
  const t = messages.manage.approvals;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [declining, setDeclining] = useState(false);
  const [reasonProblem, setReasonProblem] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries(trpc.bookings.approvalQueue.queryFilter());
  const approve = useMutation(
    trpc.bookings.approve.mutationOptions({
      onSuccess: async () => {
        onDone(t.approved(booking.booker.name));
        await refresh();
      },
      onError: refresh,
    }),
  );
  const decline = useMutation(
    trpc.bookings.decline.mutationOptions({
      onSuccess: async () => {
        onDone(t.declined(booking.booker.name));
        await refresh();
      },
    }),
  );
  const busy = approve.isPending || decline.isPending;
  const error = approve.error ?? decline.error;
  const fieldProblem = decline.error ? problemOf(decline.error).fields.reason?.[0] : undefined;

  function submitDecline(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const reason = String(new FormData(event.currentTarget).get('reason') ?? '').trim();
    if (reason.length < 3) {
      setReasonProblem(t.reasonTooShort);
      return;
    }
    setReasonProblem(null);
    decline.mutate({ id: booking.id, reason });
  }

  return (
    <li
      className="card"
      id={`anfrage-${booking.id}`}
      data-booking={booking.id}
      aria-current={linked ? 'true' : undefined}
      style={linked ? linkedStyle : undefined}
    >
      {linked && <p className="hint">{t.linked}</p>}
      <h3>
        {booking.vehicle.make} {booking.vehicle.model} · {booking.vehicle.plate}
      </h3>
      <p className="meta">
        <span className="badge pending">{messages.status.pending}</span>
        {formatRange(messages, language, booking.startsAt, booking.endsAt, timeZone)}
      </p>
      {booking.approvedEndsAt && (
        <p className="meta">{t.extension(formatDateTime(booking.approvedEndsAt, timeZone, language))}</p>
      )}
      <p className="meta">{booking.station.name}</p>
      <p className="meta">{t.booker(booking.booker.name, booking.bookerMunicipality)}</p>
      {booking.purpose && (
        <p className="meta">
          {t.purpose}: {booking.purpose}
        </p>
      )}
      <p className="meta">{t.requested(formatDateTime(booking.createdAt, timeZone, language))}</p>
      {error && (
        <p className="error" role="alert">
          {problemOf(error).message}
        </p>
      )}
      {declining ? (
        <form className={styles.decline} onSubmit={submitDecline}>
          <label>
            {t.declineReason}
            <textarea name="reason" rows={2} maxLength={500} required minLength={3} />
          </label>
          {(reasonProblem ?? fieldProblem) && <p className="error">{reasonProblem ?? fieldProblem}</p>}
          <div className="actions">
            <button type="submit" className="danger" disabled={busy}>
              {decline.isPending ? t.declining : t.declineSubmit}
            </button>
            <button type="button" className="secondary" onClick={() => setDeclining(false)}>
              {t.back}
            </button>
          </div>
        </form>
      ) : (
        <div className="actions">
          <button type="button" disabled={busy} onClick={() => approve.mutate({ id: booking.id })}>
            {approve.isPending ? t.approving : t.approve}
          </button>
          <button
            type="button"
            className="danger"
            disabled={busy}
            onClick={() => {
              decline.reset();
              setDeclining(true);
            }}
          >
            {t.decline}
          </button>
        </div>
      )}
    </li>
  );
}
