'use client';
import { type ReactNode, type RefObject, useState } from 'react';
import { type Language, localeOf } from '../../lib/language';
import { useTypedBeforeHydration } from '../../lib/typed-before-hydration';
import styles from '../manage.module.css';
import own from './compliance.module.css';

/** "03.12.2026" (English "03/12/2026") for a calendar date "2026-12-03". */
export const formatDay = (day: string, language: Language) =>
  new Intl.DateTimeFormat(localeOf(language), {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${day}T12:00:00Z`));

/** The props that tie a field to its error paragraph (aria-invalid, aria-describedby), if it has one. */
export const invalidProps = (id: string, errors: string[] | undefined) =>
  errors?.length ? { 'aria-invalid': true as const, 'aria-describedby': `${id}-error` } : {};

/** A labelled field with its hint and the server's complaint about it, shown at the field. */
export function Field({
  id,
  hint,
  errors,
  children,
}: {
  id: string;
  hint?: string;
  errors: string[] | undefined;
  children: ReactNode;
}) {
  return (
    <div className={styles.field}>
      {children}
      {hint && <p className="hint">{hint}</p>}
      {errors?.length ? (
        <p id={`${id}-error`} className="error">
          {errors.join(' ')}
        </p>
      ) : null}
    </div>
  );
}

/** Puts the focus on the first field the server refused, else on the form's message. */
export function focusResult(form: HTMLFormElement | null, message: HTMLElement | null) {
  const invalid = form?.querySelector<HTMLElement>('[aria-invalid="true"]');
  (invalid ?? message)?.focus();
}

/**
 * A form's text fields as typed (strings), with what was typed before the scripts ran taken over;
 * `field(key)` gives an input its name, value, change handler and error wiring.
 */
export function useDraft<K extends string>(
  form: RefObject<HTMLFormElement | null>,
  initial: () => Record<K, string>,
  id: string,
  errors: (field: string) => string[] | undefined,
) {
  const [draft, setDraft] = useState(initial);
  useTypedBeforeHydration(form, (typed) =>
    setDraft((current) => {
      const next = { ...current };
      for (const key of Object.keys(current) as K[]) {
        const value = typed[key];
        if (typeof value === 'string') next[key] = value;
      }
      return next;
    }),
  );
  const field = (key: K) => ({
    id: `${id}-${key}`,
    name: key,
    value: draft[key],
    onChange: ({ target: { value } }: { target: { value: string } }) =>
      setDraft((current) => ({ ...current, [key]: value })),
    ...invalidProps(`${id}-${key}`, errors(key)),
  });
  return { draft, field, reset: () => setDraft(initial()) };
}

/** A table that may scroll sideways on a phone: reachable by keyboard, named for a screen reader. */
export function ScrollTable({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus to be scrolled by keyboard (WCAG 2.1.1)
    <section className={own.scroll} aria-label={label} tabIndex={0}>
      {children}
    </section>
  );
}
