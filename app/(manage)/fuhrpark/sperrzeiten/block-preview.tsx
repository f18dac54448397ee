'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { problemOf } from '../../../lib/errors';
import { useLanguage, useMessages } from '../../../lib/i18n';
import { useTRPC } from '../../../lib/trpc';
import type { Messages } from '../../../messages/de';
import styles from '../../manage.module.css';
import { formatRange } from '../format';
import type { BlockRequest, BlockResult, ManagedVehicle } from './types';

const fieldLabelsOf = (t: Messages['manage']['blocks']): Record<string, string> => ({
  vehicleId: t.vehicle,
  from: t.fromDate,
  to: t.toDate,
  kind: t.kind,
  reason: t.reason,
});

/** The server's field problems, each named by the field it belongs to. */
function FieldProblems({ error }: { error: unknown }) {
  const t = useMessages().manage.blocks;
  const { message, fields } = problemOf(error);
  return (
    <div role="alert">
      <p className="error">{message}</p>
      {Object.entries(fields).map(([field, problems]) => (
        <p key={field} className="error">
          {fieldLabelsOf(t)[field] ?? field}: {problems.join(' ')}
        </p>
      ))}
    </div>
  );
}

/** What the block would do (bookings moved or cancelled), then the confirmation that does it. */
export function BlockPreview({
  request,
  timeZone,
  vehicles,
  onCreated,
  onChange,
}: {
  request: BlockRequest;
  timeZone: string;
  vehicles: readonly ManagedVehicle[];
  onCreated: (result: BlockResult) => void;
  onChange: () => void;
}) {
  const messages = useMessages();
  const language = useLanguage();
  const t = messages.manage.blocks;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const preview = useQuery(trpc.blocks.preview.queryOptions(request, { retry: false, staleTime: 0 }));
  const create = useMutation(
    trpc.blocks.create.mutationOptions({
      onSuccess: async (result) => {
        await Promise.all([
          queryClient.invalidateQueries(trpc.blocks.list.queryFilter()),
          queryClient.invalidateQueries(trpc.bookings.approvalQueue.queryFilter()),
          queryClient.invalidateQueries(trpc.blocks.preview.queryFilter()),
        ]);
        onCreated(result);
      },
      onError: async (error) => {
        // Someone booked the car meanwhile: show the bookings now in the way.
        const { code } = problemOf(error);
        if (code === 'BLOCK_AFFECTS_BOOKINGS' || code === 'BOOKING_CONFLICT') await preview.refetch();
      },
    }),
  );
  const plateOf = (id: string) => vehicles.find((v) => v.id === id)?.plate;
  const affected = preview.data ?? [];
  const onTrip = affected.some((b) => b.status === 'active' || b.status === 'completed');

  return (
    <section className={styles.preview} aria-label={t.previewTitle}>
      <h3>{t.previewTitle}</h3>
      {preview.isPending && <p>{t.checking}</p>}
      {preview.error && <FieldProblems error={preview.error} />}
      {preview.data && affected.length === 0 && <p className="hint">{t.noneAffected}</p>}
      {affected.length > 0 && (
        <div>
          <p>{t.affected(affected.length)}</p>
          <ul className={styles.outcomes}>
            {affected.map((booking) => {
              const lost = booking.replacementVehicleId === null;
              const outcome =
                booking.status === 'active' || booking.status === 'completed'
                  ? t.onTrip
                  : booking.replacementVehicleId
                    ? t.movedTo(plateOf(booking.replacementVehicleId) ?? t.otherCar)
                    : t.willCancel;
              return (
                <li key={booking.id} className={lost ? styles.lost : undefined} data-booking={booking.id}>
                  <strong>{booking.booker}</strong>
                  <p className="meta">
                    <span className={`badge ${booking.status}`}>{messages.status[booking.status]}</span>
                    {formatRange(messages, language, booking.startsAt, booking.endsAt, timeZone)}
                  </p>
                  <p className={lost ? 'error' : 'meta'}>{outcome}</p>
                  {booking.noStandInBecause && <p className="meta">{booking.noStandInBecause}</p>}
                </li>
              );
            })}
          </ul>
        </div>
      )}
      {create.error && <FieldProblems error={create.error} />}
      <div className="actions">
        <button
          type="button"
          disabled={!preview.data || onTrip || create.isPending}
          onClick={() => create.mutate({ ...request, confirm: affected.length > 0 })}
        >
          {create.isPending ? t.saving : affected.length > 0 ? t.confirmAffected : t.confirm}
        </button>
        <button type="button" className="secondary" disabled={create.isPending} onClick={onChange}>
          {t.change}
        </button>
      </div>
    </section>
  );
}
