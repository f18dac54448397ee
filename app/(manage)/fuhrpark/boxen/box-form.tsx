'use client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useRef, useState } from 'react';
import { problemOf } from '../../../lib/errors';
import { useMessages } from '../../../lib/i18n';
import { useTRPC } from '../../../lib/trpc';
import { useTypedBeforeHydration } from '../../../lib/typed-before-hydration';
import styles from '../../manage.module.css';
import { type Draft, FormField } from '../form-field';

/**
 * A real box's identity as it hands it over at installation: its id, public key, radio address and
 * firmware. The server judges each field and names each problem at it; replacing keeps the old box.
 */
export function BoxForm({
  car,
  onSaved,
  onCancel,
}: {
  car: { vehicleId: string; plate: string; hasBox: boolean };
  onSaved: (plate: string, replaced: boolean) => void;
  onCancel: () => void;
}) {
  const messages = useMessages();
  const t = messages.boxes;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const formId = useId();
  const form = useRef<HTMLFormElement>(null);
  const [draft, setDraft] = useState<Draft>({});
  useTypedBeforeHydration(form, (typed) =>
    setDraft((current) => {
      const next = { ...current };
      for (const [name, value] of Object.entries(typed)) if (typeof value === 'string') next[name] = value;
      return next;
    }),
  );
  const provision = useMutation(
    trpc.telematics.provisionBox.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries(trpc.telematics.boxes.queryFilter());
        onSaved(car.plate, car.hasBox);
      },
    }),
  );
  const problem = provision.error ? problemOf(provision.error) : null;
  const errors = (name: string) => problem?.fields[name];
  const text = (name: string) => draft[name] ?? '';
  const input =
    (name: string, extra: Record<string, unknown> = {}) =>
    (control: object) => (
      <input
        {...control}
        {...extra}
        value={text(name)}
        onChange={(event) => setDraft((current) => ({ ...current, [name]: event.target.value }))}
      />
    );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const firmware = text('firmware').trim();
    provision.mutate({
      vehicleId: car.vehicleId,
      boxId: text('boxId').trim(),
      publicKey: text('publicKey').trim(),
      address: text('address').trim(),
      ...(firmware ? { firmware } : {}),
      replace: car.hasBox,
    });
  }

  return (
    <form
      ref={form}
      className={`panel ${styles.stack}`}
      onSubmit={submit}
      aria-labelledby={`${formId}-title`}
      noValidate
    >
      <h2 id={`${formId}-title`} tabIndex={-1}>
        {car.hasBox ? t.replaceTitle(car.plate) : t.formTitle(car.plate)}
      </h2>
      {car.hasBox && <p className="hint">{t.replaceHint}</p>}
      <div className="grid">
        <FormField formId={formId} name="boxId" label={t.boxId} errors={errors('boxId')}>
          {input('boxId', { autoComplete: 'off', spellCheck: false })}
        </FormField>
        <FormField
          formId={formId}
          name="address"
          label={t.address}
          hint={t.addressHint}
          errors={errors('address')}
        >
          {input('address', { autoComplete: 'off', spellCheck: false })}
        </FormField>
        <FormField
          formId={formId}
          name="publicKey"
          label={t.publicKey}
          hint={t.publicKeyHint}
          errors={errors('publicKey')}
          wide
        >
          {input('publicKey', { autoComplete: 'off', spellCheck: false })}
        </FormField>
        <FormField
          formId={formId}
          name="firmware"
          label={`${t.firmware} ${t.optional}`}
          errors={errors('firmware')}
        >
          {input('firmware', { maxLength: 200 })}
        </FormField>
      </div>
      {problem && (
        <p className="error" role="alert">
          {problem.message}
        </p>
      )}
      <div className="actions">
        <button type="submit" disabled={provision.isPending}>
          {provision.isPending ? t.saving : t.save}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          {t.cancel}
        </button>
      </div>
    </form>
  );
}
