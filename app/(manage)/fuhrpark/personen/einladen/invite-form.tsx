'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { problemOf } from '../../../../lib/errors';
import { useMessages } from '../../../../lib/i18n';
import { useTRPC } from '../../../../lib/trpc';
import { useTypedBeforeHydration } from '../../../../lib/typed-before-hydration';
import styles from '../../../manage.module.css';
import { type Draft, FormField } from '../../form-field';

/**
 * Name, e-mail, role and municipality of a new person; the server mails the link. Only the
 * operator offers the operator role and „no municipality“; every problem is named at its field.
 */
export function InviteForm() {
  const messages = useMessages();
  const t = messages.people;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const formId = useId();
  const form = useRef<HTMLFormElement>(null);
  const result = useRef<HTMLParagraphElement>(null);
  const me = useQuery(trpc.auth.me.queryOptions());
  const municipalities = useQuery(trpc.stations.municipalities.queryOptions());
  const [draft, setDraft] = useState<Draft>({ role: 'staff' });
  const [sent, setSent] = useState<string | null>(null);
  useTypedBeforeHydration(form, (typed) =>
    setDraft((current) => {
      const next = { ...current };
      for (const [name, value] of Object.entries(typed)) if (typeof value === 'string') next[name] = value;
      return next;
    }),
  );
  const invite = useMutation(
    trpc.people.invite.mutationOptions({
      onSuccess: async (_row, input) => {
        setSent(input.email);
        // The next person most likely joins the same municipality: only name, address and role are cleared.
        setDraft((current): Draft => {
          const { municipalityId } = current;
          return municipalityId === undefined ? { role: 'staff' } : { role: 'staff', municipalityId };
        });
        await queryClient.invalidateQueries(trpc.people.list.queryFilter());
      },
    }),
  );
  useEffect(() => {
    if (sent || invite.error) result.current?.focus();
  }, [sent, invite.error]);
  const isOperator = me.data?.role === 'operator';
  const choices = municipalities.data ?? [];
  const municipalityId =
    draft.municipalityId ?? (isOperator ? '' : (me.data?.municipalityId ?? choices[0]?.id ?? ''));
  const problem = invite.error ? problemOf(invite.error) : null;
  const errors = (name: string) => problem?.fields[name];
  const text = (name: string) => draft[name] ?? '';
  const set = (name: string) => (event: { target: { value: string } }) =>
    setDraft((current) => ({ ...current, [name]: event.target.value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    setSent(null);
    const role = text('role');
    invite.mutate({
      name: text('name'),
      email: text('email'),
      role: role === 'fleet_manager' || role === 'operator' ? role : 'staff',
      municipalityId: municipalityId || null,
    });
  }

  return (
    <>
      <p>
        <Link href="/fuhrpark/personen">{t.person.back}</Link>
      </p>
      <h1>{t.invite.title}</h1>
      <p>{t.invite.intro}</p>
      {sent && (
        <p ref={result} tabIndex={-1} className="notice" role="status">
          {t.invite.sent(sent)}
        </p>
      )}
      {problem && (
        <p ref={result} tabIndex={-1} className="error" role="alert">
          {problem.message}
        </p>
      )}
      <form
        ref={form}
        className={`panel ${styles.stack}`}
        onSubmit={submit}
        aria-label={t.invite.title}
        noValidate
      >
        <div className="grid">
          <FormField formId={formId} name="name" label={t.invite.name} errors={errors('name')}>
            {(control) => (
              <input
                {...control}
                value={text('name')}
                onChange={set('name')}
                maxLength={120}
                autoComplete="off"
              />
            )}
          </FormField>
          <FormField formId={formId} name="email" label={t.invite.email} errors={errors('email')}>
            {(control) => (
              <input
                {...control}
                type="email"
                value={text('email')}
                onChange={set('email')}
                maxLength={254}
                autoComplete="off"
              />
            )}
          </FormField>
          <FormField formId={formId} name="role" label={t.invite.role} errors={errors('role')}>
            {(control) => (
              <select {...control} value={text('role')} onChange={set('role')}>
                <option value="staff">{t.roles.staff}</option>
                <option value="fleet_manager">{t.roles.fleet_manager}</option>
                {isOperator && <option value="operator">{t.roles.operator}</option>}
              </select>
            )}
          </FormField>
          <FormField
            formId={formId}
            name="municipalityId"
            label={t.invite.municipality}
            errors={errors('municipalityId')}
          >
            {(control) => (
              <select {...control} value={municipalityId} onChange={set('municipalityId')}>
                {isOperator && <option value="">{t.invite.noMunicipality}</option>}
                {choices.map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.name}
                  </option>
                ))}
              </select>
            )}
          </FormField>
        </div>
        <div className="actions">
          <button type="submit" disabled={invite.isPending}>
            {t.invite.submit}
          </button>
        </div>
      </form>
    </>
  );
}
