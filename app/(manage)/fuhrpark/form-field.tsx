'use client';
import type { ReactNode } from 'react';
import styles from '../manage.module.css';

/** What a field's control needs to be tied to its label, hint and error. */
export interface ControlProps {
  id: string;
  name: string;
  'aria-invalid'?: true;
  'aria-describedby'?: string;
}

/**
 * A labelled form field whose server errors appear beside it, tied to the control by
 * aria-describedby (with its hint) and marked aria-invalid: a screen reader hears the sentence.
 */
export function FormField({
  formId,
  name,
  label,
  hint,
  errors,
  wide = false,
  children,
}: {
  formId: string;
  name: string;
  label: string;
  hint?: string;
  errors?: string[];
  wide?: boolean;
  children: (control: ControlProps) => ReactNode;
}) {
  const id = `${formId}-${name}`;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={wide ? `${styles.field} ${styles.wide}` : styles.field}>
      <label htmlFor={id}>{label}</label>
      {children({
        id,
        name,
        ...(errorId ? { 'aria-invalid': true as const } : {}),
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
      })}
      {hint && (
        <p id={hintId} className="hint">
          {hint}
        </p>
      )}
      {errorId && (
        <p id={errorId} className="error">
          {errors?.join(' ')}
        </p>
      )}
    </div>
  );
}

/** A form's fields as typed: strings, so a cleared number stays cleared until the server names it. */
export type Draft = Record<string, string>;

/** A number field's text as the procedure's number: empty is NaN, which the server names at the field. */
export const numberOf = (text: string | undefined) => {
  const trimmed = (text ?? '').trim().replace(',', '.');
  return trimmed === '' ? Number.NaN : Number(trimmed);
};
