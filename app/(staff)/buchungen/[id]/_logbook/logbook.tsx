'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useRef, useState } from 'react';
import { problemOf } from '../../../../lib/errors';
import { useLanguage, useMessages } from '../../../../lib/i18n';
import { formatDateTime } from '../../../../lib/time';
import { useTRPC } from '../../../../lib/trpc';
import { FieldError, invalidProps } from '../_damage/field';

const fieldNames = ['purpose', 'destination', 'personVisited'] as const;

/** The logbook of a booking where the municipality keeps one: the entry, its form while open, every version. */
export function Logbook({ bookingId, timeZone }: { bookingId: string; timeZone: string }) {
  const t = useMessages().logbook;
  const language = useLanguage();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const ids = useId();
  const result = useRef<HTMLParagraphElement>(null);
  const [saved, setSaved] = useState(false);
  const logbook = useQuery(trpc.logbook.get.queryOptions({ bookingId }));
  const save = useMutation(
    trpc.logbook.save.mutationOptions({
      onSuccess: (data) => {
        queryClient.setQueryData(trpc.logbook.get.queryKey({ bookingId }), data);
        setSaved(true);
      },
      onSettled: () => requestAnimationFrame(() => result.current?.focus()),
    }),
  );
  if (!logbook.data?.required) return null;
  const { entry, state, closesAt, history } = logbook.data;
  const editable = state === 'open';
  const fields = save.error ? problemOf(save.error).fields : {};
  const general = save.error && Object.keys(fields).length === 0 ? problemOf(save.error).message : null;
  const until = formatDateTime(closesAt, timeZone, language);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    setSaved(false);
    const text = (name: (typeof fieldNames)[number]) => String(data.get(name) ?? '');
    save.mutate({
      bookingId,
      purpose: text('purpose'),
      destination: text('destination'),
      personVisited: text('personVisited') || undefined,
    });
  }

  return (
    <section aria-labelledby={`${ids}-title`} className="card">
      <h2 id={`${ids}-title`}>{t.title}</h2>
      <p className="hint">{t.states[state](until)}</p>
      {editable ? (
        <form onSubmit={submit} noValidate>
          {fieldNames.map((name) => (
            <div key={name}>
              <label htmlFor={`${ids}-${name}`}>{t[name]}</label>
              <input
                id={`${ids}-${name}`}
                name={name}
                defaultValue={entry?.[name] ?? ''}
                maxLength={500}
                required={name !== 'personVisited'}
                {...invalidProps(`${ids}-${name}-error`, fields[name])}
              />
              <FieldError id={`${ids}-${name}-error`} errors={fields[name]} />
            </div>
          ))}
          <div className="actions">
            <button type="submit" disabled={save.isPending}>
              {save.isPending ? t.busy : entry ? t.change : t.save}
            </button>
          </div>
        </form>
      ) : (
        !entry && <p>{t.empty}</p>
      )}
      <p ref={result} tabIndex={-1} role="status">
        {saved && <span className="notice">{t.saved}</span>}
        {general && <span className="error">{general}</span>}
      </p>
      {history.length > 0 && (
        <>
          <h3>{t.history}</h3>
          <ol className="list">
            {history.map((version) => (
              <li key={version.id}>
                <p className="meta">
                  {t.version(formatDateTime(version.changedAt, timeZone, language), version.changedBy)}
                </p>
                <dl>
                  <dt>{t.purpose}</dt>
                  <dd>{version.purpose}</dd>
                  <dt>{t.destination}</dt>
                  <dd>{version.destination}</dd>
                  {version.personVisited && (
                    <>
                      <dt>{t.personVisited}</dt>
                      <dd>{version.personVisited}</dd>
                    </>
                  )}
                </dl>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
