'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useRef, useState } from 'react';
import { problemOf } from '../../../../lib/errors';
import { useLanguage, useMessages } from '../../../../lib/i18n';
import { formatDateTime } from '../../../../lib/time';
import { useTRPC } from '../../../../lib/trpc';
import { DamageFields, damageOf, uploadPhotos } from './damage-fields';

/** „Schaden melden“ at the car: a description, whether it still drives, photos; and what was reported before. */
export function DamageReport({ bookingId, timeZone }: { bookingId: string; timeZone: string }) {
  const t = useMessages().damage;
  const language = useLanguage();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const ids = useId();
  const result = useRef<HTMLParagraphElement>(null);
  const [outcome, setOutcome] = useState<{ text: string; failures: string[] } | null>(null);
  const [busy, setBusy] = useState(false);
  const reports = useQuery(trpc.damage.ofBooking.queryOptions({ bookingId }));
  const report = useMutation(trpc.damage.report.mutationOptions());
  const fields = report.error ? problemOf(report.error).fields : {};

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const { photos, ...damage } = damageOf(new FormData(form));
    setBusy(true);
    setOutcome(null);
    try {
      const { id } = await report.mutateAsync({ bookingId, ...damage });
      const failures = await uploadPhotos(id, photos, t);
      form.reset();
      setOutcome({ text: t.reported(photos.length - failures.length), failures });
      await queryClient.invalidateQueries({ queryKey: trpc.damage.ofBooking.queryKey({ bookingId }) });
    } catch {
      // The mutation's error is shown at its fields below.
    } finally {
      setBusy(false);
      requestAnimationFrame(() => result.current?.focus());
    }
  }

  const general = report.error && Object.keys(fields).length === 0 ? problemOf(report.error).message : null;
  return (
    <section aria-labelledby={`${ids}-title`} className="card">
      <h2 id={`${ids}-title`}>{t.title}</h2>
      <p className="hint">{t.intro}</p>
      <form onSubmit={submit} noValidate>
        <DamageFields ids={ids} fields={fields} t={t} />
        <div className="actions">
          <button type="submit" disabled={busy}>
            {busy ? t.busy : t.submit}
          </button>
        </div>
      </form>
      <div ref={result} tabIndex={-1} role="status">
        {outcome && <p className="notice">{outcome.text}</p>}
        {outcome?.failures.map((failure) => (
          <p key={failure} className="error">
            {failure}
          </p>
        ))}
        {general && <p className="error">{general}</p>}
      </div>
      {reports.data && reports.data.length > 0 && (
        <>
          <h3>{t.earlier}</h3>
          <ul className="list">
            {reports.data.map((damage) => (
              <li key={damage.id}>
                <p>{damage.description}</p>
                <p className="meta">
                  {t.reportedAt(formatDateTime(damage.createdAt, timeZone, language), damage.reporter)} ·{' '}
                  {damage.drivable ? t.stillDrivable : t.notDrivable}
                </p>
                {damage.photos.map((photo, index) => (
                  // Served by the app with the person's session; next/image would fetch it without.
                  // biome-ignore lint/performance/noImgElement: private photo behind the session
                  <img
                    key={photo.id}
                    src={`/api/schaeden/fotos/${photo.id}`}
                    alt={t.photoAlt(index + 1)}
                    width={Math.round((photo.width * 160) / photo.height)}
                    height={160}
                  />
                ))}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
