'use client';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useRef, useState } from 'react';
import { problemOf } from '../../../lib/errors';
import { useMessages } from '../../../lib/i18n';
import { useTRPC } from '../../../lib/trpc';
import { useTypedBeforeHydration } from '../../../lib/typed-before-hydration';
import styles from '../../manage.module.css';
import own from './costs.module.css';

export type RateField = {
  key: string;
  label: string;
  hint?: string;
  /** `money`: a number ≥ 0 in euros or g/km; `date`: a local date; `optionalDate`: a date or empty. */
  kind: 'money' | 'date' | 'optionalDate';
};

type Draft = Record<string, string>;
type Input = Record<string, number | string | null>;

/**
 * A form that sets a rate from a date: every field as typed (strings, so a cleared field stays
 * cleared), sent as numbers and dates; the server's field errors appear at their fields, in German.
 * A refused form keeps what was typed, and nothing was changed (the server writes all or nothing).
 */
export function RateForm({
  title,
  fields,
  initial,
  save,
  onSaved,
  level = 3,
}: {
  title: string;
  /** The title's heading level: 4 inside a car's own section. */
  level?: 3 | 4;
  fields: readonly RateField[];
  initial: Draft;
  save: (input: Input) => Promise<unknown>;
  onSaved: () => void;
}) {
  const messages = useMessages();
  const t = messages.costs;
  const id = useId();
  const Heading = level === 4 ? 'h4' : 'h3';
  const [draft, setDraft] = useState<Draft>(initial);
  const form = useRef<HTMLFormElement>(null);
  useTypedBeforeHydration(form, (typed) =>
    setDraft((current) => {
      const next = { ...current };
      for (const field of fields)
        if (typeof typed[field.key] === 'string') next[field.key] = String(typed[field.key]);
      return next;
    }),
  );
  const [state, setState] = useState<
    { kind: 'idle' | 'saving' | 'saved' } | { kind: 'failed'; error: unknown }
  >({
    kind: 'idle',
  });
  const problem = state.kind === 'failed' ? problemOf(state.error) : null;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input: Input = {};
    for (const field of fields) {
      const value = (draft[field.key] ?? '').trim();
      // An empty number is NaN, not 0: the server names the field instead of saving a zero.
      if (field.kind === 'money') input[field.key] = value === '' ? Number.NaN : Number(value);
      else input[field.key] = field.kind === 'optionalDate' && value === '' ? null : value;
    }
    setState({ kind: 'saving' });
    try {
      await save(input);
      setState({ kind: 'saved' });
      onSaved();
    } catch (error) {
      setState({ kind: 'failed', error });
    }
  }

  return (
    <form ref={form} className={`panel ${styles.stack}`} onSubmit={submit} aria-labelledby={id} noValidate>
      <Heading id={id}>{title}</Heading>
      <div className={own.fields}>
        {fields.map((field) => {
          const errors = problem?.fields[field.key];
          const errorId = `${id}-${field.key}-error`;
          return (
            <div key={field.key} className={styles.field}>
              <label>
                {field.label}
                <input
                  name={field.key}
                  type={field.kind === 'money' ? 'number' : 'date'}
                  {...(field.kind === 'money' ? { min: 0, step: 'any', inputMode: 'decimal' as const } : {})}
                  value={draft[field.key] ?? ''}
                  aria-invalid={errors ? true : undefined}
                  aria-describedby={errors ? errorId : undefined}
                  onChange={({ target: { value } }) =>
                    setDraft((current) => ({ ...current, [field.key]: value }))
                  }
                />
              </label>
              {field.hint && <p className="hint">{field.hint}</p>}
              {errors && (
                <p id={errorId} className="error">
                  {errors.join(' ')}
                </p>
              )}
            </div>
          );
        })}
      </div>
      {problem && (
        <p className="error" role="alert">
          {problem.message}
        </p>
      )}
      {state.kind === 'saved' && (
        <p className="notice" role="status">
          {t.saved}
        </p>
      )}
      <div className="actions">
        <button type="submit" disabled={state.kind === 'saving'}>
          {state.kind === 'saving' ? t.saving : t.save}
        </button>
      </div>
    </form>
  );
}

/** The form's values read back as the procedure's types (NaN and '' go through: the server names them). */
export const numberOf = (input: Input, key: string) => Number(input[key]);
export const dayOf = (input: Input, key: string) => String(input[key] ?? '');
export const optionalDayOf = (input: Input, key: string) => (input[key] === null ? null : dayOf(input, key));

/** Refetches every reports query after a change: the rows, their validity and the history. */
export function useRefreshReports() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries(trpc.reports.pathFilter());
}
