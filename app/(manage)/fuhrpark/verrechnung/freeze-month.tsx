'use client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { problemOf } from '../../../lib/errors';
import { useMessages } from '../../../lib/i18n';
import { useTRPC } from '../../../lib/trpc';

/** The operator's „Monat abschließen“: asks once more, then freezes; a refusal is shown as the server words it. */
export function FreezeMonth({ month, label }: { month: string; label: string }) {
  const messages = useMessages();
  const t = messages.settlement;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [asking, setAsking] = useState(false);
  const freeze = useMutation(
    trpc.reports.freezeMonth.mutationOptions({
      onSettled: () => setAsking(false),
      onSuccess: () => queryClient.invalidateQueries(trpc.reports.settlement.pathFilter()),
    }),
  );
  return (
    <section aria-labelledby="abschluss">
      <h2 id="abschluss">{t.freeze}</h2>
      {asking ? (
        <div className="card" role="alertdialog" aria-labelledby="abschluss-frage">
          <p id="abschluss-frage">{t.freezeConfirm(label)}</p>
          <div className="actions">
            <button
              type="button"
              className="danger"
              onClick={() => freeze.mutate({ month })}
              disabled={freeze.isPending}
            >
              {freeze.isPending ? t.freezing : t.freezeYes}
            </button>
            <button type="button" className="secondary" onClick={() => setAsking(false)}>
              {t.freezeNo}
            </button>
          </div>
        </div>
      ) : (
        <button type="button" onClick={() => setAsking(true)}>
          {t.freeze}
        </button>
      )}
      {freeze.error && (
        <p className="error" role="alert">
          {problemOf(freeze.error).message}
        </p>
      )}
      {freeze.data && (
        <p className="notice" role="status">
          {t.frozenNow(freeze.data.lines)}
        </p>
      )}
    </section>
  );
}
