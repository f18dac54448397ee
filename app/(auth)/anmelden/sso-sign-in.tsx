'use client';
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { authClient } from '../../lib/auth-client';
import { useMessages } from '../../lib/i18n';
import { useTRPC } from '../../lib/trpc';
import { pathAfterSignIn } from './next-path';

/**
 * A button per enabled sign-in service of the municipalities („Anmelden mit …"), and why the last
 * attempt through one came back: `sso=` for a person the server refused (server/sso/admission.ts),
 * `error=` for a callback better-auth turned away (state, code).
 */
export function SsoSignIn() {
  const t = useMessages().sso.signIn;
  const trpc = useTRPC();
  const params = useSearchParams();
  const options = useQuery(trpc.sso.signInOptions.queryOptions());
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const alert = useRef<HTMLParagraphElement>(null);
  const refusal = params.get('sso');
  const returned = (refusal && (t.refusals[refusal] ?? t.failed)) || (params.get('error') ? t.failed : null);
  const message = failure ?? returned;
  useEffect(() => {
    if (message) alert.current?.focus();
  }, [message]);

  async function start(provider: string) {
    setBusy(provider);
    setFailure(null);
    const { error } = await authClient.signIn.social({
      provider,
      callbackURL: pathAfterSignIn(params.get('weiter')),
      errorCallbackURL: '/anmelden',
    });
    // On success the browser is on its way to the provider; only a refusal comes back here.
    if (error) {
      setBusy(null);
      setFailure(t.unavailable);
    }
  }

  const list = options.data ?? [];
  return (
    <>
      {message && (
        <p className="error" role="alert" tabIndex={-1} ref={alert}>
          {message}
        </p>
      )}
      {list.length > 0 && (
        <section className="panel" aria-labelledby="sso-sign-in">
          <h2 id="sso-sign-in">{t.groupLabel}</h2>
          <ul className="list">
            {list.map((option) => (
              <li key={option.id}>
                <button
                  type="button"
                  className="secondary"
                  disabled={busy !== null}
                  onClick={() => start(option.id)}
                >
                  {t.with(option.name)}
                </button>{' '}
                <span className="hint">{option.municipalityName}</span>
              </li>
            ))}
          </ul>
          <p className="hint">{t.orPassword}</p>
        </section>
      )}
    </>
  );
}
