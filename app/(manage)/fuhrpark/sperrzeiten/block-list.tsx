'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { problemOf } from '../../../lib/errors';
import { useLanguage, useMessages } from '../../../lib/i18n';
import { formatDateTime } from '../../../lib/time';
import { useTRPC } from '../../../lib/trpc';
import { formatRange } from '../format';

/** Current and coming blocks of the manager's cars, each with a way to lift it unless its record ends it. */
export function BlockList({ timeZone, onDone }: { timeZone: string; onDone: (notice: string) => void }) {
  const messages = useMessages();
  const language = useLanguage();
  const t = messages.manage.blocks;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const blocks = useQuery(trpc.blocks.list.queryOptions(undefined, { staleTime: 0 }));
  const cancel = useMutation(
    trpc.blocks.cancel.mutationOptions({
      onSuccess: async () => {
        onDone(t.cancelled);
        await queryClient.invalidateQueries(trpc.blocks.list.queryFilter());
      },
    }),
  );

  return (
    <section aria-labelledby="current-blocks">
      <h2 id="current-blocks">{t.current}</h2>
      {cancel.error && (
        <p className="error" role="alert">
          {problemOf(cancel.error).message}
        </p>
      )}
      {!blocks.data ? (
        <p>{messages.errors.loading}</p>
      ) : blocks.data.length === 0 ? (
        <p className="hint">{t.none}</p>
      ) : (
        <ul className="list">
          {blocks.data.map((block) => (
            <li key={block.id} className="card" data-block={block.id}>
              <h3>
                {block.vehicle.make} {block.vehicle.model} · {block.vehicle.plate}
              </h3>
              <p className="meta">
                <span className="badge cancelled">{t.kinds[block.kind]}</span>
                {block.untilCleared
                  ? t.untilCleared(formatDateTime(block.startsAt, timeZone, language))
                  : formatRange(messages, language, block.startsAt, block.endsAt, timeZone)}
              </p>
              <p className="meta">{block.reason}</p>
              {block.untilCleared ? (
                <p className="hint">{t.endsWithRecord}</p>
              ) : (
                <div className="actions">
                  <button
                    type="button"
                    className="danger"
                    disabled={cancel.isPending}
                    onClick={() => {
                      if (window.confirm(t.cancelConfirm)) cancel.mutate({ id: block.id });
                    }}
                  >
                    {t.cancel}
                  </button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
