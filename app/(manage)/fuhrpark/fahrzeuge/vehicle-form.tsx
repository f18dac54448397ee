'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useRef, useState } from 'react';
import { problemOf } from '../../../lib/errors';
import { useMessages } from '../../../lib/i18n';
import { useTRPC } from '../../../lib/trpc';
import { useTypedBeforeHydration } from '../../../lib/typed-before-hydration';
import styles from '../../manage.module.css';
import { type Draft, FormField, numberOf } from '../form-field';
import {
  dayIn,
  type Equipment,
  equipmentList,
  isEquipment,
  isPowertrain,
  type ManagedVehicle,
  powertrains,
  type SavedVehicle,
} from './types';

/** The form's first values: the car being edited, or a new car at the manager's first station. */
function initialDraft(vehicle: ManagedVehicle | null, timeZone: string, defaults: Draft): Draft {
  if (!vehicle) return { powertrain: 'ev', seats: '5', turnaroundBufferMinutes: '15', ...defaults };
  return {
    plate: vehicle.plate,
    make: vehicle.make,
    model: vehicle.model,
    powertrain: vehicle.powertrain,
    seats: String(vehicle.seats),
    batteryKwh: vehicle.batteryKwh === null ? '' : String(vehicle.batteryKwh),
    rangeKm: vehicle.rangeKm === null ? '' : String(vehicle.rangeKm),
    turnaroundBufferMinutes: String(vehicle.turnaroundBufferMinutes),
    homeStationId: vehicle.station.id,
    ownerMunicipalityId: vehicle.ownerMunicipalityId,
    commissionedOn: vehicle.commissionedAt ? dayIn(vehicle.commissionedAt, timeZone) : '',
  };
}

/**
 * A car's facts, for a new car or one being edited. Every field as typed; the server judges them
 * and names each problem at its field, in German; a refused form keeps what was typed.
 */
export function VehicleForm({
  vehicle,
  timeZone,
  today,
  onSaved,
  onCancel,
}: {
  vehicle: ManagedVehicle | null;
  timeZone: string;
  today: string;
  onSaved: (saved: SavedVehicle, created: boolean) => void;
  onCancel?: () => void;
}) {
  const messages = useMessages();
  const t = messages.fleetAdmin.vehicles;
  const common = messages.fleetAdmin.common;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const formId = useId();
  const stations = useQuery(trpc.stations.list.queryOptions());
  const managedStations = useQuery(trpc.stations.managed.queryOptions());
  const owners = useQuery(trpc.stations.municipalities.queryOptions()).data ?? [];
  const firstOwn = managedStations.data?.[0];
  const [draft, setDraft] = useState<Draft>(() =>
    initialDraft(vehicle, timeZone, {
      homeStationId: firstOwn?.id ?? '',
      ownerMunicipalityId: firstOwn?.municipalityId ?? owners[0]?.id ?? '',
      commissionedOn: today,
    }),
  );
  const [equipment, setEquipment] = useState<Set<Equipment>>(
    () => new Set(vehicle?.equipment.filter(isEquipment)),
  );
  const form = useRef<HTMLFormElement>(null);
  useTypedBeforeHydration(form, (typed) => {
    setDraft((current) => {
      const next = { ...current };
      for (const [name, value] of Object.entries(typed)) if (typeof value === 'string') next[name] = value;
      return next;
    });
    setEquipment((current) => {
      const next = new Set(current);
      for (const item of equipmentList) {
        const ticked = typed[`equipment-${item}`];
        if (ticked === true) next.add(item);
        if (ticked === false) next.delete(item);
      }
      return next;
    });
  });
  const saved = async (row: SavedVehicle) => {
    await queryClient.invalidateQueries(trpc.vehicles.managed.queryFilter());
    onSaved(row, vehicle === null);
  };
  const create = useMutation(trpc.vehicles.create.mutationOptions({ onSuccess: saved }));
  const update = useMutation(trpc.vehicles.update.mutationOptions({ onSuccess: saved }));
  const mutation = vehicle ? update : create;
  const problem = mutation.error ? problemOf(mutation.error) : null;
  const errors = (name: string) => problem?.fields[name];
  const set = (name: string) => (event: { target: { value: string } }) =>
    setDraft((current) => ({ ...current, [name]: event.target.value }));
  const text = (name: string) => draft[name] ?? '';

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const powertrain = text('powertrain');
    const input = {
      plate: text('plate'),
      make: text('make'),
      model: text('model'),
      powertrain: isPowertrain(powertrain) ? powertrain : 'ev',
      seats: numberOf(text('seats')),
      batteryKwh: text('batteryKwh').trim() === '' ? null : numberOf(text('batteryKwh')),
      rangeKm: text('rangeKm').trim() === '' ? null : numberOf(text('rangeKm')),
      turnaroundBufferMinutes: numberOf(text('turnaroundBufferMinutes')),
      homeStationId: text('homeStationId'),
      ownerMunicipalityId: text('ownerMunicipalityId'),
      commissionedOn: text('commissionedOn'),
      equipment: equipmentList.filter((item) => equipment.has(item)),
    } as const;
    if (vehicle) update.mutate({ id: vehicle.id, ...input });
    else create.mutate(input);
  }

  const title = vehicle ? t.editTitle(vehicle.plate) : t.newTitle;
  const input =
    (name: string, extra: Record<string, unknown> = {}) =>
    (control: object) => <input {...control} {...extra} value={text(name)} onChange={set(name)} />;
  return (
    <form
      ref={form}
      className={`panel ${styles.stack}`}
      onSubmit={submit}
      aria-labelledby={`${formId}-title`}
      noValidate
    >
      <h2 id={`${formId}-title`} tabIndex={-1}>
        {title}
      </h2>
      <div className="grid">
        <FormField formId={formId} name="plate" label={t.plate} hint={t.plateHint} errors={errors('plate')}>
          {input('plate', { autoComplete: 'off', maxLength: 20 })}
        </FormField>
        <FormField formId={formId} name="make" label={t.make} errors={errors('make')}>
          {input('make', { maxLength: 60 })}
        </FormField>
        <FormField formId={formId} name="model" label={t.model} errors={errors('model')}>
          {input('model', { maxLength: 60 })}
        </FormField>
        <FormField formId={formId} name="powertrain" label={t.powertrain} errors={errors('powertrain')}>
          {(control) => (
            <select {...control} value={text('powertrain')} onChange={set('powertrain')}>
              {powertrains.map((p) => (
                <option key={p} value={p}>
                  {messages.powertrain[p]}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField formId={formId} name="seats" label={t.seats} errors={errors('seats')}>
          {input('seats', { type: 'number', min: 1, max: 9, step: 1, inputMode: 'numeric' })}
        </FormField>
        <FormField
          formId={formId}
          name="batteryKwh"
          label={t.batteryKwh}
          hint={t.pluginHint}
          errors={errors('batteryKwh')}
        >
          {input('batteryKwh', { type: 'number', min: 0, step: 'any', inputMode: 'decimal' })}
        </FormField>
        <FormField
          formId={formId}
          name="rangeKm"
          label={t.rangeKm}
          hint={t.pluginHint}
          errors={errors('rangeKm')}
        >
          {input('rangeKm', { type: 'number', min: 1, step: 1, inputMode: 'numeric' })}
        </FormField>
        <FormField
          formId={formId}
          name="turnaroundBufferMinutes"
          label={t.buffer}
          hint={t.bufferHint}
          errors={errors('turnaroundBufferMinutes')}
        >
          {input('turnaroundBufferMinutes', { type: 'number', min: 0, max: 240, step: 5 })}
        </FormField>
        <FormField
          formId={formId}
          name="homeStationId"
          label={t.homeStation}
          errors={errors('homeStationId')}
        >
          {(control) => (
            <select {...control} value={text('homeStationId')} onChange={set('homeStationId')}>
              <option value="">–</option>
              {(stations.data ?? []).map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name} ({s.municipalityName})
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField
          formId={formId}
          name="ownerMunicipalityId"
          label={t.owner}
          errors={errors('ownerMunicipalityId')}
        >
          {(control) => (
            <select {...control} value={text('ownerMunicipalityId')} onChange={set('ownerMunicipalityId')}>
              {owners.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField
          formId={formId}
          name="commissionedOn"
          label={t.commissionedOn}
          hint={t.commissionedHint}
          errors={errors('commissionedOn')}
        >
          {input('commissionedOn', { type: 'date' })}
        </FormField>
      </div>
      <fieldset className={styles.fieldset}>
        <legend>{t.equipment}</legend>
        {equipmentList.map((item) => (
          <label key={item} className={styles.check}>
            <input
              type="checkbox"
              name={`equipment-${item}`}
              checked={equipment.has(item)}
              onChange={({ target: { checked } }) =>
                setEquipment((current) => {
                  const next = new Set(current);
                  if (checked) next.add(item);
                  else next.delete(item);
                  return next;
                })
              }
            />
            {messages.fleetAdmin.equipment[item]}
          </label>
        ))}
      </fieldset>
      {problem && (
        <p className="error" role="alert">
          {problem.message}
        </p>
      )}
      <div className="actions">
        <button type="submit" disabled={mutation.isPending}>
          {mutation.isPending ? common.saving : common.save}
        </button>
        {onCancel && (
          <button type="button" className="secondary" onClick={onCancel}>
            {common.cancel}
          </button>
        )}
      </div>
    </form>
  );
}
