'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import { type FormEvent, Suspense, useEffect, useId, useRef, useState } from 'react';
import { LanguageSwitch } from '../../language-switch';
import { authClient } from '../../lib/auth-client';
import { problemOf } from '../../lib/errors';
import { useMessages } from '../../lib/i18n';
import { useTRPC } from '../../lib/trpc';

/**
 * Where a mailed link (invitation or reset) leads: for whom it is, or — used, expired, replaced —
 * why it no longer works, in the person's language. Once the password is set, the person is
 * signed in with it and taken to the search.
 */
function SetPassword({ token }: { token: string }) {
  const messages = useMessages();
  const t = messages.people.password;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const result = useRef<HTMLParagraphElement>(null);
  const link = useQuery({ ...trpc.account.link.queryOptions({ token }), retry: false });
  const [mismatch, setMismatch] = useState(false);
  const [signedIn, setSignedIn] = useState<boolean | null>(null);
  const save = useMutation(
    trpc.account.setPassword.mutationOptions({
      onSuccess: async (answer, input) => {
        const { error } = await authClient.signIn.email({ email: answer.email, password: input.password });
        setSignedIn(!error);
        if (!error) {
          queryClient.clear();
          window.location.assign('/');
        }
      },
    }),
  );
  useEffect(() => {
    if (save.error || signedIn === false) result.current?.focus();
  }, [save.error, signedIn]);

  if (link.error)
    return (
      <>
        <h1>{t.titleInvitation}</h1>
        <p className="error" role="alert">
          {problemOf(link.error).message}
        </p>
      </>
    );
  if (!link.data) return <p>{messages.errors.loading}</p>;
  const problem = save.error ? problemOf(save.error) : null;
  const passwordErrors = [...(problem?.fields.password ?? []), ...(mismatch ? [t.mismatch] : [])];

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const password = String(form.get('password') ?? '');
    const same = password === String(form.get('repeat') ?? '');
    setMismatch(!same);
    if (same) save.mutate({ token, password });
  }

  const errorId = passwordErrors.length > 0 ? `${id}-error` : undefined;
  return (
    <>
      <h1>{link.data.purpose === 'invitation' ? t.titleInvitation : t.titleReset}</h1>
      <p>{t.for(link.data.name, link.data.email)}</p>
      {signedIn === false && (
        <p ref={result} tabIndex={-1} className="notice" role="status">
          {t.done} <Link href="/anmelden">{t.toSignIn}</Link>
        </p>
      )}
      {problem && Object.keys(problem.fields).length === 0 && (
        <p ref={result} tabIndex={-1} className="error" role="alert">
          {problem.message}
        </p>
      )}
      <form className="panel" onSubmit={submit} aria-label={t.titleInvitation} noValidate>
        {/* The account's name, so a password manager files the new password under it. */}
        <input type="hidden" name="username" autoComplete="username" value={link.data.email} readOnly />
        <label htmlFor={`${id}-password`}>{t.password}</label>
        <input
          id={`${id}-password`}
          name="password"
          type="password"
          autoComplete="new-password"
          required
          aria-describedby={[errorId, `${id}-hint`].filter(Boolean).join(' ')}
          {...(errorId ? { 'aria-invalid': true } : {})}
        />
        <p id={`${id}-hint`} className="hint">
          {t.hint}
        </p>
        <label htmlFor={`${id}-repeat`} style={{ marginTop: '0.75rem' }}>
          {t.repeat}
        </label>
        <input id={`${id}-repeat`} name="repeat" type="password" autoComplete="new-password" required />
        {errorId && (
          <p id={errorId} className="error">
            {passwordErrors.join(' ')}
          </p>
        )}
        <div className="actions">
          <button type="submit" disabled={save.isPending || signedIn === true}>
            {save.isPending ? t.busy : t.submit}
          </button>
        </div>
      </form>
    </>
  );
}

function FromLink() {
  const token = useSearchParams().get('token');
  const t = useMessages().people.password;
  if (!token)
    return (
      <>
        <h1>{t.titleInvitation}</h1>
        <p className="error" role="alert">
          {t.noToken}
        </p>
      </>
    );
  return <SetPassword token={token} />;
}

export default function PasswordPage() {
  return (
    <main id="inhalt" style={{ maxWidth: '28rem' }}>
      <LanguageSwitch signedIn={false} />
      <Suspense>
        <FromLink />
      </Suspense>
    </main>
  );
}
