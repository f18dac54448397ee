'use client';
import { useQueryClient } from '@tanstack/react-query';
import { useRouter, useSearchParams } from 'next/navigation';
import { type FormEvent, Suspense, useState } from 'react';
import { authClient } from '../../lib/auth-client';
import { de } from '../../messages/de';
import { signInFailureMessage } from './failure-message';
import { pathAfterSignIn } from './next-path';

function SignInForm() {
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
      setError(signInFailureMessage(failure));
      return;
    }
    queryClient.clear();
    router.replace(pathAfterSignIn(next));
  }

  return (
    <form className="panel" onSubmit={submit} aria-label={de.signIn.title}>
      <label>
        {de.signIn.email}
        <input name="email" type="email" autoComplete="username" required />
      </label>
      <label style={{ marginTop: '0.75rem' }}>
        {de.signIn.password}
        <input name="password" type="password" autoComplete="current-password" required />
      </label>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="submit" disabled={busy}>
          {busy ? de.signIn.busy : de.signIn.submit}
        </button>
      </div>
      <p className="hint">{de.signIn.noSignUp}</p>
    </form>
  );
}

export default function SignInPage() {
  return (
    <main style={{ maxWidth: '24rem' }}>
      <h1>{de.app.name}</h1>
      <p className="hint">{de.app.tagline}</p>
      <Suspense>
        <SignInForm />
      </Suspense>
    </main>
  );
}
