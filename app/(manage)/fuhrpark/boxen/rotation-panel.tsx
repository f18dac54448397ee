'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { problemOf } from '../../../lib/errors';
import { useMessages } from '../../../lib/i18n';
import { useTRPC } from '../../../lib/trpc';

/** The operator's fleet CA: its generations, a rotation's progress box by box, start and finish. */
export function RotationPanel() {
  const messages = useMessages();
  const t = messages.boxes.rotation;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  // While keys travel to the boxes the progress moves without anyone pressing anything.
  const overview = useQuery({
    ...trpc.telematics.caRotation.queryOptions(),
    refetchInterval: (query) => (query.state.data?.phase === 'idle' ? false : 2_000),
  });
  const [notice, setNotice] = useState<string | null>(null);
  const noticeRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);
  const refresh = () => queryClient.invalidateQueries(trpc.telematics.caRotation.queryFilter());
  const start = useMutation(
    trpc.telematics.startCaRotation.mutationOptions({
      onSuccess: async (made) => {
        await refresh();
        setNotice(t.started(made.generation));
      },
    }),
  );
  const finish = useMutation(
    trpc.telematics.finishCaRotation.mutationOptions({
      onSuccess: async (made) => {
        await refresh();
        setNotice(t.finished(made.generation));
      },
    }),
  );
  const data = overview.data;
  if (!data) return <p>{messages.errors.loading}</p>;
  const failed = start.error ?? finish.error;
  const problem = failed ? problemOf(failed) : null;
  const { totals } = data;

  return (
    <section aria-labelledby="ca-rotation" className="panel" data-rotation={data.phase}>
      <h2 id="ca-rotation">{t.title}</h2>
      <p className="hint">{t.intro}</p>
      <h3>{t.generations}</h3>
      <ul>
        {data.generations.map((g) => (
          <li key={g.generation}>
            {messages.boxes.generation(g.generation)}: <code>{g.fingerprint}</code> – {t.state[g.state]}
          </li>
        ))}
      </ul>
      <p role="status" data-progress>
        {t.phase[data.phase]} {data.nextGeneration !== null && t.progress(totals.withNext, totals.boxes)}{' '}
        {totals.stillOld > 0 && t.stillOld(totals.stillOld)}
      </p>
      {notice && (
        <p className="notice" ref={noticeRef} tabIndex={-1}>
          {notice}
        </p>
      )}
      {problem && (
        <p className="error" role="alert">
          {problem.message}
        </p>
      )}
      <div className="actions">
        {data.phase === 'idle' && data.activeGeneration !== null && (
          <button
            type="button"
            disabled={start.isPending}
            onClick={() => {
              setNotice(null);
              finish.reset();
              start.mutate({ activeGeneration: data.activeGeneration ?? 0 });
            }}
          >
            {start.isPending ? t.starting : t.start}
          </button>
        )}
        {data.nextGeneration !== null && (
          <button
            type="button"
            disabled={finish.isPending}
            onClick={() => {
              setNotice(null);
              start.reset();
              finish.mutate({ nextGeneration: data.nextGeneration ?? 0 });
            }}
          >
            {finish.isPending ? t.finishing : t.finish}
          </button>
        )}
      </div>
      {data.phase !== 'idle' && (
        <table>
          <thead>
            <tr>
              <th scope="col">{t.plate}</th>
              <th scope="col">{t.holds}</th>
              <th scope="col">{t.lastUpdate}</th>
            </tr>
          </thead>
          <tbody>
            {data.boxes.map((box) => (
              <tr key={box.boxId}>
                <th scope="row">{box.plate}</th>
                <td>{box.generations.map(messages.boxes.generation).join(', ')}</td>
                <td>
                  {box.lastUpdate
                    ? `${t.update[box.lastUpdate.state]}${box.lastUpdate.status ? ` (${box.lastUpdate.status})` : ''}`
                    : '–'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
