'use client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { inferRouterOutputs } from '@trpc/server';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import type { AppRouter } from '@/server/root';
import { problemOf } from '../../../lib/errors';
import { useLanguage, useMessages } from '../../../lib/i18n';
import { todayIn } from '../../../lib/time';
import { useTRPC } from '../../../lib/trpc';
import manage from '../../manage.module.css';
import { Field, focusResult, formatDay, useDraft } from '../compliance-fields';

type Person = inferRouterOutputs<AppRouter>['instructions']['overview'][number];

/** Records a driver's yearly instruction and designation (DGUV Vorschrift 70 § 35). */
export function InstructionForm({ people, timeZone }: { people: readonly Person[]; timeZone: string }) {
  const t = useMessages().compliance;
  const language = useLanguage();
  const id = useId();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useRef<HTMLFormElement>(null);
  const message = useRef<HTMLParagraphElement>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const record = useMutation(
    trpc.instructions.record.mutationOptions({
      onSuccess: async (instruction) => {
        const name = people.find((person) => person.id === instruction.userId)?.name ?? '';
        setSaved(t.uvv.instructionSaved(name, formatDay(instruction.nextDue, language)));
        reset();
        await queryClient.invalidateQueries(trpc.instructions.pathFilter());
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
  const errors = (key: string) => problem?.fields[key];
  const { draft, field, reset } = useDraft(
    form,
    () => ({ userId: '', instructedOn: todayIn(timeZone), instructedBy: '', topic: '' }),
    id,
    errors,
  );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    record.mutate(draft);
  }

  return (
    <form
      ref={form}
      className={`panel ${manage.stack}`}
      onSubmit={submit}
      aria-labelledby={`${id}-title`}
      noValidate
    >
      <h3 id={`${id}-title`}>{t.uvv.instructionForm}</h3>
      <div className="grid">
        <Field id={`${id}-userId`} errors={errors('userId')}>
          <label>
            {t.person}
            <select required {...field('userId')}>
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
        <Field id={`${id}-instructedOn`} errors={errors('instructedOn')}>
          <label>
            {t.uvv.instructedOn}
            <input type="date" required {...field('instructedOn')} />
          </label>
        </Field>
        <Field id={`${id}-instructedBy`} errors={errors('instructedBy')}>
          <label>
            {t.uvv.instructedBy}
            <input required maxLength={120} {...field('instructedBy')} />
          </label>
        </Field>
      </div>
      <Field id={`${id}-topic`} hint={t.uvv.topicHint} errors={errors('topic')}>
        <label>
          {t.uvv.topic}
          <input required maxLength={300} {...field('topic')} />
        </label>
      </Field>
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
          {record.isPending ? t.saving : t.uvv.saveInstruction}
        </button>
      </div>
    </form>
  );
}
