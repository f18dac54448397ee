'use client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useRef, useState } from 'react';
import { FieldError, invalidProps } from '../../../../(staff)/buchungen/[id]/_damage/field';
import { problemOf } from '../../../../lib/errors';
import { useMessages } from '../../../../lib/i18n';
import { useTRPC } from '../../../../lib/trpc';
import { type DamageStateName, damageStates } from '../params';

const isState = (value: string): value is DamageStateName =>
  (damageStates as readonly string[]).includes(value);

/** The next step of a report, with a note; the answer (or the refusal at its field) gets the focus. */
export function StateForm({
  id,
  nextStates,
  drivable,
}: {
  id: string;
  nextStates: readonly DamageStateName[];
  drivable: boolean;
}) {
  const t = useMessages().fleetDamage;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const ids = useId();
  const result = useRef<HTMLDivElement>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);
  const change = useMutation(trpc.damage.setState.mutationOptions());
  const fields = change.error ? problemOf(change.error).fields : {};
  const stateErrors = missing ? [t.chooseStateFirst] : fields.state;
  const general = change.error && Object.keys(fields).length === 0 ? problemOf(change.error).message : null;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const state = String(data.get('state') ?? '');
    setSaved(null);
    if (!isState(state)) {
      setMissing(true);
      requestAnimationFrame(() => document.getElementById(`${ids}-state`)?.focus());
      return;
    }
    setMissing(false);
    const note = String(data.get('note') ?? '').trim();
    try {
      await change.mutateAsync({ id, state, ...(note ? { note } : {}) });
      form.reset();
      setSaved(t.saved(t.states[state]));
      await queryClient.invalidateQueries({ queryKey: trpc.damage.detail.queryKey({ id }) });
      await queryClient.invalidateQueries({ queryKey: trpc.damage.list.queryKey() });
    } catch {
      // Shown at its field below.
    }
    requestAnimationFrame(() => result.current?.focus());
  }

  return (
    <section aria-labelledby={`${ids}-title`} className="card">
      <h2 id={`${ids}-title`}>{t.changeTitle}</h2>
      <form onSubmit={submit} noValidate>
        <label htmlFor={`${ids}-state`}>{t.newState}</label>
        <select
          id={`${ids}-state`}
          name="state"
          defaultValue=""
          required
          {...invalidProps(`${ids}-state-error`, stateErrors)}
        >
          <option value="">{t.chooseState}</option>
          {nextStates.map((state) => (
            <option key={state} value={state}>
              {t.states[state]}
            </option>
          ))}
        </select>
        <FieldError id={`${ids}-state-error`} errors={stateErrors} />
        <label htmlFor={`${ids}-note`}>{t.note}</label>
        <textarea
          id={`${ids}-note`}
          name="note"
          rows={2}
          maxLength={1000}
          {...invalidProps(`${ids}-note-error`, fields.note)}
        />
        <FieldError id={`${ids}-note-error`} errors={fields.note} />
        {!drivable && <p className="hint">{t.closesBlock}</p>}
        <div className="actions">
          <button type="submit" disabled={change.isPending}>
            {change.isPending ? t.saving : t.save}
          </button>
        </div>
      </form>
      <div ref={result} tabIndex={-1} role="status">
        {saved && <p className="notice">{saved}</p>}
        {general && <p className="error">{general}</p>}
      </div>
    </section>
  );
}
