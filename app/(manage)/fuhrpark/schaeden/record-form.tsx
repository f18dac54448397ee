'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { type FormEvent, useId, useRef, useState } from 'react';
import { DamageFields, damageOf, uploadPhotos } from '../../../(staff)/buchungen/[id]/_damage/damage-fields';
import { FieldError, invalidProps } from '../../../(staff)/buchungen/[id]/_damage/field';
import { problemOf } from '../../../lib/errors';
import { useMessages } from '../../../lib/i18n';
import { useTRPC } from '../../../lib/trpc';

interface Outcome {
  id: string;
  lines: string[];
  failures: string[];
}

/** „Schaden erfassen“: the fleet's own record of a car's damage; the answer, or the refusal at its field, gets the focus. */
export function RecordDamageForm() {
  const messages = useMessages();
  const t = messages.fleetDamage;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const ids = useId();
  const result = useRef<HTMLDivElement>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState(false);
  const cars = useQuery(trpc.vehicles.managed.queryOptions());
  const record = useMutation(trpc.damage.record.mutationOptions());
  const fields = record.error ? problemOf(record.error).fields : {};
  const general = record.error && Object.keys(fields).length === 0 ? problemOf(record.error).message : null;
  const inService = (cars.data ?? []).filter((car) => car.status !== 'retired');

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const { photos, ...damage } = damageOf(data);
    const vehicleId = String(data.get('vehicleId') ?? '');
    const plate = inService.find((car) => car.id === vehicleId)?.plate ?? '';
    setBusy(true);
    setOutcome(null);
    try {
      const made = await record.mutateAsync({ vehicleId, ...damage });
      const failures = await uploadPhotos(made.id, photos, messages.damage);
      form.reset();
      const lines = [t.recorded(plate, photos.length - failures.length)];
      if (!damage.drivable) lines.push(t.recordedBlocked(made.moved, made.cancelled));
      setOutcome({ id: made.id, lines, failures });
      await queryClient.invalidateQueries({ queryKey: trpc.damage.list.queryKey() });
    } catch {
      // The mutation's error is shown at its fields below.
    } finally {
      setBusy(false);
      requestAnimationFrame(() => result.current?.focus());
    }
  }

  return (
    <section aria-labelledby={`${ids}-title`} className="card">
      <h2 id={`${ids}-title`}>{t.recordTitle}</h2>
      <p className="hint">{t.recordIntro}</p>
      <form onSubmit={submit} noValidate aria-labelledby={`${ids}-title`}>
        <label htmlFor={`${ids}-vehicle`}>{t.car}</label>
        <select
          id={`${ids}-vehicle`}
          name="vehicleId"
          defaultValue=""
          required
          {...invalidProps(`${ids}-vehicle-error`, fields.vehicleId)}
        >
          <option value="">{t.chooseVehicle}</option>
          {inService.map((car) => (
            <option key={car.id} value={car.id}>
              {car.plate} · {car.make} {car.model}
            </option>
          ))}
        </select>
        <FieldError id={`${ids}-vehicle-error`} errors={fields.vehicleId} />
        <DamageFields ids={ids} fields={fields} t={messages.damage} />
        <div className="actions">
          <button type="submit" disabled={busy}>
            {busy ? t.recording : t.record}
          </button>
        </div>
      </form>
      <div ref={result} tabIndex={-1} role="status">
        {outcome && (
          <p className="notice">
            {outcome.lines.join(' ')} <Link href={`/fuhrpark/schaeden/${outcome.id}`}>{t.openRecorded}</Link>
          </p>
        )}
        {outcome?.failures.map((failure) => (
          <p key={failure} className="error">
            {failure}
          </p>
        ))}
        {general && <p className="error">{general}</p>}
      </div>
    </section>
  );
}
