'use client';
import { type FormEvent, useId, useRef, useState } from 'react';
import { useMessages } from '../../../lib/i18n';
import { useTypedBeforeHydration } from '../../../lib/typed-before-hydration';
import styles from './dashboard.module.css';
import { addDays, isLocalDate, type Period, presetOf, presetPeriod, presets } from './period';

/** From and "until" (the last day included) as the person sees them; presets set both at once. */
export function PeriodPicker({
  period,
  today,
  onChange,
}: {
  period: Period;
  today: string;
  onChange: (period: Period) => void;
}) {
  const messages = useMessages();
  const t = messages.period;
  const errorId = useId();
  const [from, setFrom] = useState(period.from);
  const [until, setUntil] = useState(addDays(period.to, -1));
  const [invalid, setInvalid] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  useTypedBeforeHydration(form, ({ from: typedFrom, until: typedUntil }) => {
    if (typeof typedFrom === 'string') setFrom(typedFrom);
    if (typeof typedUntil === 'string') setUntil(typedUntil);
  });
  const chosen = presetOf(period, today);

  function choose(next: Period) {
    setFrom(next.from);
    setUntil(addDays(next.to, -1));
    setInvalid(false);
    onChange(next);
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!isLocalDate(from) || !isLocalDate(until) || until < from) {
      setInvalid(true);
      return;
    }
    choose({ from, to: addDays(until, 1) });
  }

  return (
    <form ref={form} className={`panel ${styles.picker}`} onSubmit={submit} aria-label={t.legend} noValidate>
      <div className={styles.pickerFields}>
        <label>
          {t.from}
          <input
            type="date"
            name="from"
            value={from}
            required
            aria-invalid={invalid || undefined}
            aria-describedby={invalid ? errorId : undefined}
            onChange={(event) => setFrom(event.target.value)}
          />
        </label>
        <label>
          {t.until}
          <input
            type="date"
            name="until"
            value={until}
            required
            aria-invalid={invalid || undefined}
            aria-describedby={invalid ? errorId : undefined}
            onChange={(event) => setUntil(event.target.value)}
          />
        </label>
        <button type="submit">{t.apply}</button>
      </div>
      {invalid && (
        <p id={errorId} className="error" role="alert">
          {t.invalid}
        </p>
      )}
      <fieldset className={styles.presets}>
        <legend>{t.presets}</legend>
        {presets.map((preset) => (
          <button
            key={preset}
            type="button"
            className="secondary"
            aria-pressed={chosen === preset}
            onClick={() => choose(presetPeriod(preset, today))}
          >
            {t[preset]}
          </button>
        ))}
      </fieldset>
    </form>
  );
}
