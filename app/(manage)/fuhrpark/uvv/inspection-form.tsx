'use client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { inferRouterOutputs } from '@trpc/server';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import type { AppRouter } from '@/server/root';
import { problemOf } from '../../../lib/errors';
import { useMessages } from '../../../lib/i18n';
import { todayIn } from '../../../lib/time';
import { useTRPC } from '../../../lib/trpc';
import manage from '../../manage.module.css';
import { Field, focusResult, useDraft } from '../compliance-fields';

type Car = inferRouterOutputs<AppRouter>['inspections']['overview'][number];
const results = ['passed', 'passed_with_defects', 'failed'] as const;
type Result = (typeof results)[number];
const isResult = (value: string): value is Result => (results as readonly string[]).includes(value);

/** Records a UVV inspection; a failed one (or one past due) takes the car out of service through a block. */
export function InspectionForm({ cars, timeZone }: { cars: readonly Car[]; timeZone: string }) {
  const t = useMessages().compliance;
  const id = useId();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useRef<HTMLFormElement>(null);
  const message = useRef<HTMLParagraphElement>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const record = useMutation(
    trpc.inspections.record.mutationOptions({
      onSuccess: async (result) => {
        const plate = cars.find((car) => car.id === result.inspection.vehicleId)?.plate ?? '';
        setSaved(t.uvv.inspectionSaved(plate, result.moved.length, result.cancelled.length));
        reset();
        await queryClient.invalidateQueries(trpc.inspections.pathFilter());
        await queryClient.invalidateQueries(trpc.blocks.pathFilter());
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
    () => ({ vehicleId: '', inspectedOn: todayIn(timeZone), inspector: '', result: 'passed', defects: '' }),
    id,
    errors,
  );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    record.mutate({
      vehicleId: draft.vehicleId,
      inspectedOn: draft.inspectedOn,
      inspector: draft.inspector,
      result: isResult(draft.result) ? draft.result : 'passed',
      defects: draft.defects,
    });
  }

  return (
    <form
      ref={form}
      className={`panel ${manage.stack}`}
      onSubmit={submit}
      aria-labelledby={`${id}-title`}
      noValidate
    >
      <h3 id={`${id}-title`}>{t.uvv.inspectionForm}</h3>
      <Field id={`${id}-vehicleId`} errors={errors('vehicleId')}>
        <label>
          {t.uvv.vehicle}
          <select required {...field('vehicleId')}>
            <option value="" disabled>
              {t.uvv.chooseVehicle}
            </option>
            {cars.map((car) => (
              <option key={car.id} value={car.id}>
                {car.plate} · {car.make} {car.model}
              </option>
            ))}
          </select>
        </label>
      </Field>
      <div className="grid">
        <Field id={`${id}-inspectedOn`} errors={errors('inspectedOn')}>
          <label>
            {t.uvv.inspectedOn}
            <input type="date" required {...field('inspectedOn')} />
          </label>
        </Field>
        <Field id={`${id}-inspector`} errors={errors('inspector')}>
          <label>
            {t.uvv.inspector}
            <input required maxLength={120} {...field('inspector')} />
          </label>
        </Field>
        <Field id={`${id}-result`} errors={errors('result')}>
          <label>
            {t.uvv.result}
            <select {...field('result')}>
              {results.map((result) => (
                <option key={result} value={result}>
                  {t.uvv.results[result]}
                </option>
              ))}
            </select>
          </label>
        </Field>
      </div>
      <Field id={`${id}-defects`} hint={t.uvv.defectsHint} errors={errors('defects')}>
        <label>
          {t.uvv.defects}
          <textarea rows={3} maxLength={2000} {...field('defects')} />
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
          {record.isPending ? t.saving : t.uvv.saveInspection}
        </button>
      </div>
    </form>
  );
}
