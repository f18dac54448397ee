'use client';
import type { ReactNode } from 'react';
import { type Language, localeOf } from '../../lib/language';
import styles from '../manage.module.css';

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
