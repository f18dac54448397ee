'use client';
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { problemOf } from '../../../../lib/errors';
import { useLanguage, useMessages } from '../../../../lib/i18n';
import { formatDateTime } from '../../../../lib/time';
import { useTRPC } from '../../../../lib/trpc';
import { formatRange } from '../../format';
import { StateForm } from './state-form';

/** A report as the fleet sees it: what, which car and booking, who, photos, the block, the history. */
export function DamageDetail({ id }: { id: string }) {
  const messages = useMessages();
  const t = messages.fleetDamage;
  const language = useLanguage();
  const trpc = useTRPC();
  const report = useQuery(trpc.damage.detail.queryOptions({ id }));
  const settings = useQuery(trpc.region.settings.queryOptions());
  const timeZone = settings.data?.timeZone;
  if (report.error)
    return (
      <>
        <h1>{t.title}</h1>
        <p className="error" role="alert">
          {problemOf(report.error).message}
        </p>
        <Link href="/fuhrpark/schaeden">{t.back}</Link>
      </>
    );
  if (!timeZone || !report.data) return <p>{messages.errors.loading}</p>;
  const damage = report.data;
  const at = (instant: Date) => formatDateTime(instant, timeZone, language);
  // The blocks the report holds: the gaps it filled between blocks already there, or shared ones.
  const held = damage.blocks.filter((block) => !block.cancelledAt);
  const first = held[0];
  const last = held.at(-1);
  const running = held.some((block) => +block.endsAt > Date.now());
  const blockText =
    damage.blocks.length === 0
      ? t.noBlock
      : !first || !last
        ? t.blockCalledOff
        : running
          ? t.blockOpen(at(first.startsAt))
          : t.blockEnded(at(first.startsAt), at(last.endsAt));

  return (
    <>
      <p>
        <Link href="/fuhrpark/schaeden">{t.back}</Link>
      </p>
      <h1>{t.detailTitle(damage.vehicle.plate)}</h1>
      <p>
        <span className="badge" data-state={damage.state}>
          {t.states[damage.state]}
        </span>
      </p>
      <p>{damage.description}</p>
      <section aria-labelledby="damage-facts" className="card">
        <h2 id="damage-facts">{t.facts}</h2>
        <dl>
          <dt>{t.car}</dt>
          <dd>
            {damage.vehicle.plate} · {damage.vehicle.make} {damage.vehicle.model}
          </dd>
          <dt>{t.reportedAt}</dt>
          <dd>{at(damage.createdAt)}</dd>
          <dt>{t.reporter}</dt>
          <dd>
            {damage.reporter?.name ? `${damage.reporter.name} (${damage.reporter.email})` : t.unknownPerson}
          </dd>
          <dt>{t.booking}</dt>
          {damage.booking ? (
            <dd>
              {formatRange(messages, language, damage.booking.startsAt, damage.booking.endsAt, timeZone)} ·{' '}
              {messages.status[damage.booking.status]}
            </dd>
          ) : (
            <dd>{t.noBooking}</dd>
          )}
          {damage.booking && (
            <>
              <dt>{t.booker}</dt>
              <dd>{damage.booker ?? t.unknownPerson}</dd>
            </>
          )}
          <dt>{t.drivable}</dt>
          <dd>{damage.drivable ? t.yes : t.no}</dd>
          <dt>{t.block}</dt>
          <dd>{blockText}</dd>
        </dl>
      </section>
      <section aria-labelledby="damage-photos">
        <h2 id="damage-photos">{t.photos}</h2>
        {damage.photos.length === 0 ? (
          <p className="hint">{t.noPhotos}</p>
        ) : (
          damage.photos.map((photo, index) => (
            // Served by the app with the manager's session; next/image would fetch it without.
            // biome-ignore lint/performance/noImgElement: private photo behind the session
            <img
              key={photo.id}
              src={`/api/schaeden/fotos/${photo.id}`}
              alt={t.photoAlt(index + 1)}
              width={Math.round((photo.width * 240) / photo.height)}
              height={240}
            />
          ))
        )}
      </section>
      <section aria-labelledby="damage-history">
        <h2 id="damage-history">{t.history}</h2>
        {damage.history.length === 0 ? (
          <p className="hint">{t.noHistory}</p>
        ) : (
          <ol className="list">
            {damage.history.map((step) => (
              <li key={step.id}>
                <p>{t.step(t.states[step.fromState], t.states[step.toState], at(step.at), step.actor)}</p>
                {step.note && <p className="meta">{step.note}</p>}
              </li>
            ))}
          </ol>
        )}
      </section>
      {damage.nextStates.length === 0 ? (
        <p className="hint">{t.closed}</p>
      ) : (
        <StateForm id={damage.id} nextStates={damage.nextStates} drivable={damage.drivable} />
      )}
    </>
  );
}
