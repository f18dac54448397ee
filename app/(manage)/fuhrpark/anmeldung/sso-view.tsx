'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { problemOf } from '../../../lib/errors';
import { useMessages } from '../../../lib/i18n';
import { useTRPC } from '../../../lib/trpc';
import styles from '../../manage.module.css';
import { ProviderForm } from './provider-form';

/** The providers set up, and one form at a time: a new provider or an edit. */
export function SsoView() {
  const messages = useMessages();
  const t = messages.sso;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const providers = useQuery(trpc.sso.providers.queryOptions());
  const municipalities = useQuery(trpc.stations.municipalities.queryOptions());
  const [editing, setEditing] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const noticeRef = useRef<HTMLParagraphElement>(null);
  const formArea = useRef<HTMLDivElement>(null);
  const [focusTarget, setFocusTarget] = useState<'notice' | 'form' | null>(null);
  useEffect(() => {
    if (focusTarget === 'notice') noticeRef.current?.focus();
    if (focusTarget === 'form') formArea.current?.querySelector<HTMLElement>('h2')?.focus();
    setFocusTarget(null);
  }, [focusTarget]);
  const toggle = useMutation(
    trpc.sso.setEnabled.mutationOptions({
      onSuccess: async (row) => {
        await queryClient.invalidateQueries(trpc.sso.providers.queryFilter());
        setNotice(row.enabled ? t.enabledNotice(row.name) : t.disabledNotice(row.name));
        setFocusTarget('notice');
      },
    }),
  );
  if (!providers.data || !municipalities.data) return <p>{messages.errors.loading}</p>;
  const all = providers.data;
  const current = all.find((p) => p.id === editing) ?? null;
  const open = (id: string | null) => {
    setNotice(null);
    setEditing(id);
    setFocusTarget('form');
  };

  return (
    <>
      <h1>{t.title}</h1>
      <p className="hint">{t.intro}</p>
      {notice && (
        <p className="notice" role="status" ref={noticeRef} tabIndex={-1}>
          {notice}
        </p>
      )}
      {toggle.error && (
        <p className="error" role="alert">
          {problemOf(toggle.error).message}
        </p>
      )}
      <div ref={formArea}>
        <ProviderForm
          key={current?.id ?? 'new'}
          provider={current}
          municipalities={municipalities.data}
          onSaved={(saved, created) => {
            setNotice(created ? t.created(saved.name) : t.saved(saved.name));
            setEditing(created ? saved.id : null);
            setFocusTarget('notice');
          }}
          onCancel={current ? () => open(null) : undefined}
        />
      </div>
      <section aria-labelledby="sso-list">
        <h2 id="sso-list">{t.listTitle}</h2>
        {all.length === 0 ? (
          <p className="hint">{t.none}</p>
        ) : (
          <ul className="list">
            {all.map((provider) => (
              <li key={provider.id} className="card" data-provider={provider.id}>
                <h3>{provider.name}</h3>
                <p className="meta">
                  {provider.municipalityName} · {provider.enabled ? t.active : t.inactive} ·{' '}
                  {t.ruleCount(provider.rules.length)}
                </p>
                <p className="meta">{provider.issuer}</p>
                <p className="meta">
                  {t.redirect}: <code className={styles.address}>{provider.callbackUrl}</code>
                </p>
                <div className="actions">
                  <button
                    type="button"
                    className="secondary"
                    aria-label={`${messages.fleetAdmin.common.edit}: ${provider.name}`}
                    onClick={() => open(provider.id)}
                  >
                    {messages.fleetAdmin.common.edit}
                  </button>
                  <button
                    type="button"
                    className="secondary"
                    aria-label={`${provider.enabled ? t.disable : t.enable}: ${provider.name}`}
                    disabled={toggle.isPending}
                    onClick={() => toggle.mutate({ id: provider.id, enabled: !provider.enabled })}
                  >
                    {provider.enabled ? t.disable : t.enable}
                  </button>
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
