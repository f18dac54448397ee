'use client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { inferRouterOutputs } from '@trpc/server';
import { type FormEvent, type ReactNode, useRef, useState } from 'react';
import type { AppRouter } from '@/server/root';
import { problemOf } from '../../../lib/errors';
import { useMessages } from '../../../lib/i18n';
import { useTRPC } from '../../../lib/trpc';
import { useTypedBeforeHydration } from '../../../lib/typed-before-hydration';
import styles from '../../manage.module.css';

type Policy = inferRouterOutputs<AppRouter>['policies']['get'];

/** A labelled field with its hint and the server's complaint about it, if any. */
function Field({ hint, errors, children }: { hint?: string; errors?: string[]; children: ReactNode }) {
  return (
    <div className={styles.field}>
      {children}
      {hint && <p className="hint">{hint}</p>}
      {errors?.map((message) => (
        <p key={message} className="error">
          {message}
        </p>
      ))}
    </div>
  );
}

/** The numbers as typed (strings), so a cleared field stays cleared until it is saved. */
function draftOf(policy: Policy) {
  return {
    horizonDays: String(policy.horizonDays),
    maxDurationHours: String(policy.maxDurationMinutes / 60),
    minLeadMinutes: String(policy.minLeadMinutes),
    othersMayBook: policy.othersMayBook,
    othersFrom: policy.othersFrom ?? '',
    othersUntil: policy.othersUntil ?? '',
    noShowGraceMinutes: String(policy.noShowGraceMinutes),
    maxFutureBookingsPerPerson: String(policy.maxFutureBookingsPerPerson),
    approvalRequired: policy.approvalRequired,
    licenceCheckIntervalMonths: String(policy.licenceCheckIntervalMonths),
  };
}
type Draft = ReturnType<typeof draftOf>;
type TextKey = { [K in keyof Draft]: Draft[K] extends string ? K : never }[keyof Draft];

export function PolicyForm({ municipalityId, policy }: { municipalityId: string; policy: Policy }) {
  const messages = useMessages();
  const t = messages.manage.rules;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState(() => draftOf(policy));
  const form = useRef<HTMLFormElement>(null);
  useTypedBeforeHydration(form, (typed) =>
    setDraft((current) => {
      const next: Record<string, string | boolean> = { ...current };
      for (const [key, value] of Object.entries(typed))
        if (typeof next[key] === typeof value) next[key] = value;
      return next as Draft;
    }),
  );
  const save = useMutation(
    trpc.policies.update.mutationOptions({
      onSuccess: (saved) => {
        queryClient.setQueryData(trpc.policies.get.queryKey({ municipalityId }), saved);
        setDraft(draftOf(saved));
      },
    }),
  );
  const problem = save.error ? problemOf(save.error) : null;
  const errors = (field: string) => problem?.fields[field];

  const text = (key: TextKey) => ({
    name: key,
    value: draft[key],
    onChange: ({ target: { value } }: { target: { value: string } }) =>
      setDraft((current) => ({ ...current, [key]: value })),
  });
  const number = (value: string) => (value.trim() === '' ? Number.NaN : Number(value));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    save.mutate({
      municipalityId,
      horizonDays: number(draft.horizonDays),
      maxDurationMinutes: Math.round(number(draft.maxDurationHours) * 60),
      minLeadMinutes: number(draft.minLeadMinutes),
      othersMayBook: draft.othersMayBook,
      othersFrom: draft.othersFrom || null,
      othersUntil: draft.othersUntil || null,
      noShowGraceMinutes: number(draft.noShowGraceMinutes),
      maxFutureBookingsPerPerson: number(draft.maxFutureBookingsPerPerson),
      approvalRequired: draft.approvalRequired,
      licenceCheckIntervalMonths: number(draft.licenceCheckIntervalMonths),
    });
  }

  return (
    <form ref={form} className={`panel ${styles.stack}`} onSubmit={submit} aria-label={t.title}>
      <div className="grid">
        <Field hint={t.horizonHint} errors={errors('horizonDays')}>
          <label>
            {t.horizonDays}
            <input type="number" min={1} max={730} required inputMode="numeric" {...text('horizonDays')} />
          </label>
        </Field>
        <Field hint={t.maxDurationHint} errors={errors('maxDurationMinutes')}>
          <label>
            {t.maxDuration}
            <input type="number" min={0.25} max={720} step="any" required {...text('maxDurationHours')} />
          </label>
        </Field>
        <Field hint={t.minLeadHint} errors={errors('minLeadMinutes')}>
          <label>
            {t.minLead}
            <input
              type="number"
              min={0}
              max={10080}
              required
              inputMode="numeric"
              {...text('minLeadMinutes')}
            />
          </label>
        </Field>
      </div>
      <fieldset className={styles.fieldset}>
        <Field hint={t.othersMayBookHint} errors={errors('othersMayBook')}>
          <label className={styles.check}>
            <input
              type="checkbox"
              name="othersMayBook"
              checked={draft.othersMayBook}
              onChange={({ target: { checked } }) =>
                setDraft((current) => ({ ...current, othersMayBook: checked }))
              }
            />
            {t.othersMayBook}
          </label>
        </Field>
        <div className="grid">
          <Field hint={t.othersHoursHint} errors={errors('othersFrom')}>
            <label>
              {t.othersFrom}
              <input type="time" step={900} disabled={!draft.othersMayBook} {...text('othersFrom')} />
            </label>
          </Field>
          <Field errors={errors('othersUntil')}>
            <label>
              {t.othersUntil}
              <input type="time" step={900} disabled={!draft.othersMayBook} {...text('othersUntil')} />
            </label>
          </Field>
        </div>
      </fieldset>
      <div className="grid">
        <Field hint={t.noShowGraceHint} errors={errors('noShowGraceMinutes')}>
          <label>
            {t.noShowGrace}
            <input
              type="number"
              min={5}
              max={240}
              required
              inputMode="numeric"
              {...text('noShowGraceMinutes')}
            />
          </label>
        </Field>
        <Field hint={t.maxFutureBookingsHint} errors={errors('maxFutureBookingsPerPerson')}>
          <label>
            {t.maxFutureBookings}
            <input
              type="number"
              min={1}
              max={100}
              required
              inputMode="numeric"
              {...text('maxFutureBookingsPerPerson')}
            />
          </label>
        </Field>
      </div>
      <Field hint={t.licenceIntervalHint} errors={errors('licenceCheckIntervalMonths')}>
        <label>
          {t.licenceInterval}
          <input
            type="number"
            min={1}
            max={12}
            required
            inputMode="numeric"
            {...text('licenceCheckIntervalMonths')}
          />
        </label>
      </Field>
      <Field hint={t.approvalRequiredHint} errors={errors('approvalRequired')}>
        <label className={styles.check}>
          <input
            type="checkbox"
            name="approvalRequired"
            checked={draft.approvalRequired}
            onChange={({ target: { checked } }) =>
              setDraft((current) => ({ ...current, approvalRequired: checked }))
            }
          />
          {t.approvalRequired}
        </label>
      </Field>
      {problem && (
        <p className="error" role="alert">
          {problem.message}
        </p>
      )}
      {save.isSuccess && (
        <p className="notice" role="status">
          {t.saved}
        </p>
      )}
      <div className="actions">
        <button type="submit" disabled={save.isPending}>
          {save.isPending ? t.saving : t.save}
        </button>
      </div>
    </form>
  );
}
