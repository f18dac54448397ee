'use client';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { useMessages } from '../../../lib/i18n';
import { postPhoto } from '../../../lib/photo-upload';
import { useTRPC } from '../../../lib/trpc';
import styles from '../../manage.module.css';
import type { ManagedVehicle } from './types';

const uploadPhoto = (vehicleId: string, file: File) =>
  postPhoto(`/api/fahrzeuge/foto?fahrzeug=${encodeURIComponent(vehicleId)}`, file);

/** A car's photo: the one kept (re-encoded, without metadata) and a form to replace it. */
export function VehiclePhoto({ vehicle }: { vehicle: ManagedVehicle }) {
  const t = useMessages().fleetAdmin.vehicles;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const [state, setState] = useState<
    { kind: 'idle' | 'sending' | 'done' } | { kind: 'failed'; text: string }
  >({
    kind: 'idle',
  });
  // A new address after each upload, so the browser shows the new photo and not the one it has.
  const [version, setVersion] = useState(0);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const file = new FormData(event.currentTarget).get('photo');
    if (!(file instanceof File) || file.size === 0) return setState({ kind: 'failed', text: t.photoMissing });
    setState({ kind: 'sending' });
    const refused = await uploadPhoto(vehicle.id, file);
    if (refused) return setState({ kind: 'failed', text: refused });
    await queryClient.invalidateQueries(trpc.vehicles.managed.queryFilter());
    setVersion((v) => v + 1);
    setState({ kind: 'done' });
  }

  return (
    <form className={`panel ${styles.stack}`} onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t.photo}</h3>
      {vehicle.hasPhoto && (
        // biome-ignore lint/performance/noImgElement: a private, per-request photo; next/image would cache it publicly
        <img
          src={`/api/fahrzeuge/foto/${vehicle.id}?v=${version}`}
          alt={t.photoOf(vehicle.plate)}
          width={320}
          style={{ height: 'auto', maxWidth: '100%' }}
        />
      )}
      <div className={styles.field}>
        <label htmlFor={`${id}-file`}>{t.photoFile}</label>
        <input
          id={`${id}-file`}
          name="photo"
          type="file"
          accept="image/jpeg,image/png,image/webp"
          aria-describedby={state.kind === 'failed' ? `${id}-error ${id}-hint` : `${id}-hint`}
          aria-invalid={state.kind === 'failed' ? true : undefined}
        />
        <p id={`${id}-hint`} className="hint">
          {t.photoHint}
        </p>
        {state.kind === 'failed' && (
          <p id={`${id}-error`} className="error" role="alert">
            {state.text}
          </p>
        )}
      </div>
      {state.kind === 'done' && (
        <p className="notice" role="status">
          {t.photoSaved}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="secondary" disabled={state.kind === 'sending'}>
          {t.photoUpload}
        </button>
      </div>
    </form>
  );
}
