'use client';
import { useMutation } from '@tanstack/react-query';
import Link from 'next/link';
import { type FormEvent, useEffect, useId, useRef } from 'react';
import { LanguageSwitch } from '../../language-switch';
import { problemOf } from '../../lib/errors';
import { useMessages } from '../../lib/i18n';
import { useTRPC } from '../../lib/trpc';

/** „Passwort vergessen?“: the answer reads the same whether the address has an account or not. */
export default function ForgotPasswordPage() {
  const t = useMessages().people.forgot;
  const trpc = useTRPC();
  const id = useId();
  const result = useRef<HTMLParagraphElement>(null);
  const request = useMutation(trpc.account.requestPasswordReset.mutationOptions());
  useEffect(() => {
    if (request.isSuccess || request.error) result.current?.focus();
  }, [request.isSuccess, request.error]);
  const problem = request.error ? problemOf(request.error) : null;
  const emailErrors = problem?.fields.email;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    request.mutate({ email: String(new FormData(event.currentTarget).get('email') ?? '') });
  }

  return (
    <main id="inhalt" style={{ maxWidth: '28rem' }}>
      <LanguageSwitch signedIn={false} />
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      {request.isSuccess && (
        <p ref={result} tabIndex={-1} className="notice" role="status">
          {t.sent}
        </p>
      )}
      {problem && !emailErrors && (
        <p ref={result} tabIndex={-1} className="error" role="alert">
          {problem.message}
        </p>
      )}
      <form className="panel" onSubmit={submit} aria-label={t.title} noValidate>
        <label htmlFor={`${id}-email`}>{t.email}</label>
        <input
          id={`${id}-email`}
          name="email"
          type="email"
          autoComplete="username"
          required
          {...(emailErrors ? { 'aria-invalid': true, 'aria-describedby': `${id}-error` } : {})}
        />
        {emailErrors && (
          <p id={`${id}-error`} className="error">
            {emailErrors.join(' ')}
          </p>
        )}
        <div className="actions">
          <button type="submit" disabled={request.isPending}>
            {t.submit}
          </button>
        </div>
      </form>
      <p>
        <Link href="/anmelden">{t.back}</Link>
      </p>
    </main>
  );
}
