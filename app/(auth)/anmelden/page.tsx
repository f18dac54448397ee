'use client';
import { useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter, useSearchParams } from 'next/navigation';
import { type FormEvent, Suspense, useState } from 'react';
import { LanguageSwitch } from '../../language-switch';
import { authClient } from '../../lib/auth-client';
import { useLanguage, useMessages } from '../../lib/i18n';
import { rememberLanguage } from '../../lib/language';
import { useTRPC } from '../../lib/trpc';
import { signInFailureMessage } from './failure-message';
import { pathAfterSignIn } from './next-path';
import { SsoSignIn } from './sso-sign-in';

function SignInForm() {
  const t = useMessages();
  const language = useLanguage();
  const trpc = useTRPC();
  const router = useRouter();
  const next = useSearchParams().get('weiter');
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    const { error: failure } = await authClient.signIn.email({
      email: String(form.get('email')),
      password: String(form.get('password')),
    });
    setBusy(false);
    if (failure) {
      setError(signInFailureMessage(failure, t));
      return;
    }
    queryClient.clear();
    const me = await queryClient.fetchQuery(trpc.auth.me.queryOptions());
    const path = pathAfterSignIn(next);
    // The person's own language, on this device from now on: the page loads anew in it.
    if (me && me.language !== language) {
      rememberLanguage(me.language);
      window.location.assign(path);
    } else router.replace(path);
  }

  return (
    <form className="panel" onSubmit={submit} aria-label={t.signIn.title}>
      <label>
        {t.signIn.email}
        <input name="email" type="email" autoComplete="username" required />
      </label>
      <label style={{ marginTop: '0.75rem' }}>
        {t.signIn.password}
        <input name="password" type="password" autoComplete="current-password" required />
      </label>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="submit" disabled={busy}>
          {busy ? t.signIn.busy : t.signIn.submit}
        </button>
      </div>
      <p className="hint">{t.signIn.noSignUp}</p>
      <p>
        <Link href="/passwort-vergessen">{t.people.forgot.link}</Link>
      </p>
    </form>
  );
}

export default function SignInPage() {
  const t = useMessages();
  return (
    <main id="inhalt" style={{ maxWidth: '24rem' }}>
      <LanguageSwitch signedIn={false} />
      <h1>{t.app.name}</h1>
      <p className="hint">{t.app.tagline}</p>
      <Suspense>
        <SsoSignIn />
        <SignInForm />
      </Suspense>
    </main>
  );
}
