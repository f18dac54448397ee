'use client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { inferRouterOutputs } from '@trpc/server';
import { type FormEvent, useId, useRef, useState } from 'react';
import type { AppRouter } from '@/server/root';
import { type Position, PositionPicker, positionOf } from '../../../(staff)/_map/position-picker';
import { problemOf } from '../../../lib/errors';
import { useMessages } from '../../../lib/i18n';
import { useTRPC } from '../../../lib/trpc';
import { useTypedBeforeHydration } from '../../../lib/typed-before-hydration';
import styles from '../../manage.module.css';
import { type Draft, FormField, numberOf } from '../form-field';

export type ManagedStation = inferRouterOutputs<AppRouter>['stations']['managed'][number];
type SavedStation = inferRouterOutputs<AppRouter>['stations']['create'];

const draftOf = (station: ManagedStation | null, municipalityId: string): Draft =>
  station
    ? {
        name: station.name,
        municipalityId: station.municipalityId,
        address: station.address ?? '',
        latitude: String(station.latitude),
        longitude: String(station.longitude),
        chargePoints: String(station.chargePoints),
        openingNotes: station.openingNotes ?? '',
      }
    : { municipalityId, chargePoints: '0' };

/**
 * A station's name, municipality, position (typed coordinates, or picked on the map beside them),
 * charge points and notes. The
 * server judges every field and names each problem at it, in German; a refused form keeps its text.
 */
export function StationForm({
  station,
  municipalities,
  around,
  onSaved,
  onCancel,
}: {
  station: ManagedStation | null;
  /** The other stations: they frame the map while the position is still empty. */
  around: readonly Position[];
  /** The municipalities the caller manages: whose station it may be. */
  municipalities: readonly { id: string; name: string }[];
  onSaved: (saved: SavedStation, created: boolean) => void;
  onCancel?: () => void;
}) {
  const messages = useMessages();
  const t = messages.fleetAdmin.stations;
  const common = messages.fleetAdmin.common;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const formId = useId();
  const form = useRef<HTMLFormElement>(null);
  const [draft, setDraft] = useState<Draft>(() => draftOf(station, municipalities[0]?.id ?? ''));
  useTypedBeforeHydration(form, (typed) =>
    setDraft((current) => {
      const next = { ...current };
      for (const [name, value] of Object.entries(typed)) if (typeof value === 'string') next[name] = value;
      return next;
    }),
  );
  const saved = async (row: SavedStation) => {
    await Promise.all([
      queryClient.invalidateQueries(trpc.stations.managed.queryFilter()),
      queryClient.invalidateQueries(trpc.stations.list.queryFilter()),
    ]);
    onSaved(row, station === null);
  };
  const create = useMutation(trpc.stations.create.mutationOptions({ onSuccess: saved }));
  const update = useMutation(trpc.stations.update.mutationOptions({ onSuccess: saved }));
  const mutation = station ? update : create;
  const problem = mutation.error ? problemOf(mutation.error) : null;
  const errors = (name: string) => problem?.fields[name];
  const text = (name: string) => draft[name] ?? '';
  const set = (name: string) => (event: { target: { value: string } }) =>
    setDraft((current) => ({ ...current, [name]: event.target.value }));
  const input =
    (name: string, extra: Record<string, unknown> = {}) =>
    (control: object) => <input {...control} {...extra} value={text(name)} onChange={set(name)} />;

  const pick = ({ latitude, longitude }: Position) =>
    setDraft((current) => ({ ...current, latitude: String(latitude), longitude: String(longitude) }));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = {
      name: text('name'),
      municipalityId: text('municipalityId'),
      address: text('address'),
      latitude: numberOf(text('latitude')),
      longitude: numberOf(text('longitude')),
      chargePoints: numberOf(text('chargePoints')),
      openingNotes: text('openingNotes'),
    };
    if (station) update.mutate({ id: station.id, ...input });
    else create.mutate(input);
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
        {station ? t.editTitle(station.name) : t.newTitle}
      </h2>
      <div className="grid">
        <FormField formId={formId} name="name" label={t.name} errors={errors('name')}>
          {input('name', { maxLength: 100 })}
        </FormField>
        <FormField
          formId={formId}
          name="municipalityId"
          label={t.municipality}
          errors={errors('municipalityId')}
        >
          {(control) => (
            <select {...control} value={text('municipalityId')} onChange={set('municipalityId')}>
              {municipalities.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField
          formId={formId}
          name="address"
          label={`${t.address} ${common.optional}`}
          errors={errors('address')}
        >
          {input('address', { maxLength: 200, autoComplete: 'street-address' })}
        </FormField>
        <FormField
          formId={formId}
          name="latitude"
          label={t.latitude}
          hint={t.positionHint}
          errors={errors('latitude')}
        >
          {input('latitude', { inputMode: 'decimal' })}
        </FormField>
        <FormField formId={formId} name="longitude" label={t.longitude} errors={errors('longitude')}>
          {input('longitude', { inputMode: 'decimal' })}
        </FormField>
        <FormField formId={formId} name="chargePoints" label={t.chargePoints} errors={errors('chargePoints')}>
          {input('chargePoints', { type: 'number', min: 0, max: 99, step: 1, inputMode: 'numeric' })}
        </FormField>
      </div>
      <PositionPicker
        position={positionOf(numberOf(text('latitude')), numberOf(text('longitude')))}
        around={around}
        onPick={pick}
      />
      <FormField
        formId={formId}
        name="openingNotes"
        label={`${t.openingNotes} ${common.optional}`}
        errors={errors('openingNotes')}
        wide
      >
        {(control) => (
          <textarea
            {...control}
            rows={4}
            maxLength={2000}
            value={text('openingNotes')}
            onChange={set('openingNotes')}
          />
        )}
      </FormField>
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
