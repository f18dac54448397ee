'use client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import type { LicenceClass } from '@/server/people/licence-rules';
import { problemOf } from '../../../lib/errors';
import { useLanguage, useMessages } from '../../../lib/i18n';
import { todayIn } from '../../../lib/time';
import { useTRPC } from '../../../lib/trpc';
import { useTypedBeforeHydration } from '../../../lib/typed-before-hydration';
import manage from '../../manage.module.css';
import styles from '../compliance.module.css';
import { Field, focusResult, formatDay, invalidProps } from '../compliance-fields';
import type { LicencePerson } from './licence-view';

// The EU classes in the order of the card's field 9; typed as a record, so it lists every class the server knows.
const classNames: Record<LicenceClass, true> = {
  AM: true,
  A1: true,
  A2: true,
  A: true,
  B: true,
  BE: true,
  C1: true,
  C1E: true,
  C: true,
  CE: true,
  D1: true,
  D1E: true,
  D: true,
  DE: true,
  L: true,
  T: true,
};
const classes = Object.keys(classNames) as LicenceClass[];

const emptyDraft = (today: string) => ({
  checkedOn: today,
  checkedByName: '',
  cardExpiresOn: '',
  restrictions: '',
  classes: ['B'] as string[],
});

/** Records a Führerscheinkontrolle: the fact of the check, never a copy of the licence. */
export function LicenceForm({
  people,
  personId,
  onPerson,
  timeZone,
}: {
  people: readonly LicencePerson[];
  personId: string;
  onPerson: (id: string) => void;
  timeZone: string;
}) {
  const messages = useMessages();
  const language = useLanguage();
  const t = messages.compliance;
  const id = useId();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useRef<HTMLFormElement>(null);
  const message = useRef<HTMLParagraphElement>(null);
  const [draft, setDraft] = useState(() => emptyDraft(todayIn(timeZone)));
  const [saved, setSaved] = useState<string | null>(null);
  useTypedBeforeHydration(form, (typed) =>
    setDraft((current) => {
      const next = { ...current, classes: [...current.classes] };
      for (const [key, value] of Object.entries(typed)) {
        if (key.startsWith('class-') && typeof value === 'boolean') {
          const name = key.slice('class-'.length);
          next.classes = value ? [...next.classes, name] : next.classes.filter((c) => c !== name);
        } else if (key in next && key !== 'classes' && typeof value === 'string')
          (next as Record<string, unknown>)[key] = value;
      }
      return next;
    }),
  );
  const record = useMutation(
    trpc.licenceChecks.record.mutationOptions({
      onSuccess: async (result) => {
        const name = people.find((person) => person.id === result.check.userId)?.name ?? '';
        setSaved(t.licences.saved(name, formatDay(result.validUntil, language)));
        setDraft(emptyDraft(todayIn(timeZone)));
        await queryClient.invalidateQueries(trpc.licenceChecks.pathFilter());
        message.current?.focus();
      },
      onError: () => setSaved(null),
    }),
  );
  const problem = record.error ? problemOf(record.error) : null;
  // Once the refusal is on screen: the first field it names, else its message.
  useEffect(() => {
    if (record.error) focusResult(form.current, message.current);
  }, [record.error]);
  const errors = (field: string) => problem?.fields[field];
  const text = (key: 'checkedOn' | 'checkedByName' | 'cardExpiresOn' | 'restrictions') => ({
    id: `${id}-${key}`,
    name: key,
    value: draft[key],
    onChange: ({ target: { value } }: { target: { value: string } }) =>
      setDraft((current) => ({ ...current, [key]: value })),
    ...invalidProps(`${id}-${key}`, errors(key)),
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    record.mutate({
      userId: personId,
      checkedOn: draft.checkedOn,
      checkedByName: draft.checkedByName,
      classes: classes.filter((c) => draft.classes.includes(c)),
      cardExpiresOn: draft.cardExpiresOn || null,
      restrictions: draft.restrictions,
    });
  }

  return (
    <form
      ref={form}
      className={`panel ${manage.stack}`}
      onSubmit={submit}
      aria-labelledby="licence-form"
      noValidate
    >
      <Field id={`${id}-userId`} errors={errors('userId')}>
        <label>
          {t.person}
          <select
            id={`${id}-userId`}
            name="userId"
            required
            value={personId}
            onChange={({ target: { value } }) => onPerson(value)}
            {...invalidProps(`${id}-userId`, errors('userId'))}
          >
            <option value="" disabled>
              {t.choosePerson}
            </option>
            {people.map((person) => (
              <option key={person.id} value={person.id}>
                {person.name} ({person.municipality})
              </option>
            ))}
          </select>
        </label>
      </Field>
      <div className="grid">
        <Field id={`${id}-checkedOn`} errors={errors('checkedOn')}>
          <label>
            {t.licences.checkedOn}
            <input type="date" required {...text('checkedOn')} />
          </label>
        </Field>
        <Field id={`${id}-checkedByName`} hint={t.licences.checkedByHint} errors={errors('checkedByName')}>
          <label>
            {t.licences.checkedBy}
            <input maxLength={120} {...text('checkedByName')} />
          </label>
        </Field>
      </div>
      <fieldset
        className={manage.fieldset}
        aria-describedby={errors('classes') ? `${id}-classes-error` : undefined}
      >
        <legend>{t.licences.classes}</legend>
        <div className={styles.classes}>
          {classes.map((c) => (
            <label key={c} className={manage.check}>
              <input
                type="checkbox"
                name={`class-${c}`}
                checked={draft.classes.includes(c)}
                onChange={({ target: { checked } }) =>
                  setDraft((current) => ({
                    ...current,
                    classes: checked ? [...current.classes, c] : current.classes.filter((x) => x !== c),
                  }))
                }
              />
              {c}
            </label>
          ))}
        </div>
        {errors('classes') && (
          <p id={`${id}-classes-error`} className="error">
            {errors('classes')?.join(' ')}
          </p>
        )}
      </fieldset>
      <div className="grid">
        <Field id={`${id}-cardExpiresOn`} hint={t.licences.cardExpiresHint} errors={errors('cardExpiresOn')}>
          <label>
            {t.licences.cardExpiresOn}
            <input type="date" {...text('cardExpiresOn')} />
          </label>
        </Field>
        <Field id={`${id}-restrictions`} hint={t.licences.restrictionsHint} errors={errors('restrictions')}>
          <label>
            {t.licences.restrictions}
            <input maxLength={200} {...text('restrictions')} />
          </label>
        </Field>
      </div>
      <p
        ref={message}
        tabIndex={-1}
        className={problem ? 'error' : saved ? 'notice' : undefined}
        role={problem ? 'alert' : 'status'}
      >
        {problem?.message ?? saved}
      </p>
      <div className="actions">
        <button type="submit" disabled={record.isPending}>
          {record.isPending ? t.saving : t.licences.save}
        </button>
      </div>
    </form>
  );
}
