'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { problemOf } from '../../../lib/errors';
import { useLanguage, useMessages } from '../../../lib/i18n';
import { formatDateTime } from '../../../lib/time';
import { useTRPC } from '../../../lib/trpc';
import { useTypedBeforeHydration } from '../../../lib/typed-before-hydration';
import styles from '../../manage.module.css';
import { type Draft, FormField } from '../form-field';

/** Register a station's gateway (its token shown once, here, never again), list and revoke them. */
export function GatewaysView() {
  const messages = useMessages();
  const t = messages.boxes.gateways;
  const language = useLanguage();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.telematics.gateways.queryOptions());
  const stations = useQuery(trpc.stations.managed.queryOptions());
  const settings = useQuery(trpc.region.settings.queryOptions());
  const formId = useId();
  const form = useRef<HTMLFormElement>(null);
  const [draft, setDraft] = useState<Draft>({});
  const [shown, setShown] = useState<{ name: string; token: string } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  useTypedBeforeHydration(form, (typed) =>
    setDraft((current) => {
      const next = { ...current };
      for (const [name, value] of Object.entries(typed)) if (typeof value === 'string') next[name] = value;
      return next;
    }),
  );
  useEffect(() => {
    if (shown || notice) resultRef.current?.focus();
  }, [shown, notice]);
  const refresh = () => queryClient.invalidateQueries(trpc.telematics.gateways.queryFilter());
  const register = useMutation(
    trpc.telematics.registerGateway.mutationOptions({
      onSuccess: async (made) => {
        await refresh();
        setNotice(null);
        setShown({ name: made.name, token: made.token });
        setDraft((current) => ({ ...current, name: '' }));
      },
    }),
  );
  const revoke = useMutation(
    trpc.telematics.revokeGateway.mutationOptions({
      onSuccess: async () => {
        await refresh();
      },
    }),
  );
  const timeZone = settings.data?.timeZone;
  if (!list.data || !stations.data || !timeZone) return <p>{messages.errors.loading}</p>;
  const problem = register.error ? problemOf(register.error) : null;
  const stationId = draft.stationId ?? stations.data[0]?.id ?? '';

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setShown(null);
    register.mutate({ stationId, name: draft.name ?? '' });
  }

  return (
    <>
      <h1>{t.title}</h1>
      <p className="hint">{t.intro}</p>
      <div ref={resultRef} tabIndex={-1}>
        {shown && (
          <div className="notice" role="status" data-token-shown>
            <p>{t.registered(shown.name)}</p>
            <p>
              {t.token}: <code data-token>{shown.token}</code>
            </p>
            <p className="hint">{t.tokenOnce}</p>
          </div>
        )}
        {notice && (
          <p className="notice" role="status">
            {notice}
          </p>
        )}
      </div>
      <form
        ref={form}
        className={`panel ${styles.stack}`}
        onSubmit={submit}
        aria-labelledby={`${formId}-title`}
        noValidate
      >
        <h2 id={`${formId}-title`}>{t.register}</h2>
        <div className="grid">
          <FormField formId={formId} name="stationId" label={t.station} errors={problem?.fields.stationId}>
            {(control) => (
              <select
                {...control}
                value={stationId}
                onChange={(event) => setDraft((current) => ({ ...current, stationId: event.target.value }))}
              >
                {stations.data.map((station) => (
                  <option key={station.id} value={station.id}>
                    {station.name}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <FormField formId={formId} name="name" label={t.name} errors={problem?.fields.name}>
            {(control) => (
              <input
                {...control}
                maxLength={80}
                value={draft.name ?? ''}
                onChange={(event) => setDraft((current) => ({ ...current, name: event.target.value }))}
              />
            )}
          </FormField>
        </div>
        {problem && (
          <p className="error" role="alert">
            {problem.message}
          </p>
        )}
        <div className="actions">
          <button type="submit" disabled={register.isPending}>
            {register.isPending ? t.registering : t.registerSubmit}
          </button>
        </div>
      </form>
      <section aria-labelledby="gateway-list">
        <h2 id="gateway-list">{t.listTitle}</h2>
        {list.data.length === 0 ? (
          <p className="hint">{t.none}</p>
        ) : (
          <ul className="list">
            {list.data.map((gateway) => (
              <li key={gateway.id} className="card" data-gateway={gateway.id}>
                <h3>
                  {gateway.name}
                  {gateway.revokedAt && ` (${t.revoked})`}
                </h3>
                <p className="meta">
                  {gateway.stationName} · {t.lastSeen}:{' '}
                  {gateway.lastSeenAt
                    ? formatDateTime(new Date(gateway.lastSeenAt), timeZone, language)
                    : messages.boxes.never}
                </p>
                {!gateway.revokedAt && (
                  <div className="actions">
                    <button
                      type="button"
                      className="secondary"
                      aria-label={t.revokeLabel(gateway.name)}
                      disabled={revoke.isPending}
                      onClick={() =>
                        revoke.mutate(
                          { gatewayId: gateway.id },
                          {
                            onSuccess: () => {
                              setShown(null);
                              setNotice(t.revokedNotice(gateway.name));
                            },
                          },
                        )
                      }
                    >
                      {t.revoke}
                    </button>
                  </div>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
