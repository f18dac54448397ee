'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { problemOf } from '../../../../lib/errors';
import { useLanguage, useMessages } from '../../../../lib/i18n';
import { formatDateTime } from '../../../../lib/time';
import { useTRPC } from '../../../../lib/trpc';
import styles from '../../../manage.module.css';
import { FormField } from '../../form-field';

type Role = 'staff' | 'fleet_manager' | 'operator';

/** One person: role and municipality to change, the invitation to send again, deactivation and back. */
export function PersonView({ userId }: { userId: string }) {
  const messages = useMessages();
  const language = useLanguage();
  const t = messages.people;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const formId = useId();
  const result = useRef<HTMLParagraphElement>(null);
  const person = useQuery(trpc.people.detail.queryOptions({ userId }));
  const me = useQuery(trpc.auth.me.queryOptions());
  const municipalities = useQuery(trpc.stations.municipalities.queryOptions());
  const settings = useQuery(trpc.region.settings.queryOptions());
  const [placement, setPlacement] = useState<{ role: Role; municipalityId: string } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  // Deactivating asks once more on the page itself, saying what it will do (no browser dialog).
  const [confirming, setConfirming] = useState(false);
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries(trpc.people.detail.queryFilter()),
      queryClient.invalidateQueries(trpc.people.list.queryFilter()),
    ]);
  const done = (text: string) => async () => {
    setNotice(text);
    await refresh();
  };
  const place = useMutation(trpc.people.changePlacement.mutationOptions({ onSuccess: done(t.person.saved) }));
  const reinvite = useMutation(trpc.people.reinvite.mutationOptions({ onSuccess: done(t.person.reinvited) }));
  const deactivate = useMutation(
    trpc.people.deactivate.mutationOptions({
      onSuccess: async (answer) => {
        setNotice(t.person.deactivated(answer.cancelledBookings.length));
        await refresh();
      },
    }),
  );
  const reactivate = useMutation(
    trpc.people.reactivate.mutationOptions({ onSuccess: done(t.person.reactivated) }),
  );
  const error = place.error ?? reinvite.error ?? deactivate.error ?? reactivate.error ?? person.error;
  useEffect(() => {
    if (notice || error) result.current?.focus();
  }, [notice, error]);

  const timeZone = settings.data?.timeZone;
  if (person.error)
    return (
      <p className="error" role="alert">
        {problemOf(person.error).message}
      </p>
    );
  if (!person.data || !me.data || !timeZone) return <p>{messages.errors.loading}</p>;
  const p = person.data;
  const current = placement ?? { role: p.role, municipalityId: p.municipalityId ?? '' };
  const isOperator = me.data.role === 'operator';
  const isSelf = me.data.id === p.id;
  const problem = error ? problemOf(error) : null;

  function save(event: FormEvent) {
    event.preventDefault();
    setNotice(null);
    place.mutate({ userId, role: current.role, municipalityId: current.municipalityId || null });
  }
  function off() {
    setNotice(null);
    setConfirming(false);
    deactivate.mutate({ userId });
  }

  return (
    <>
      <p>
        <Link href="/fuhrpark/personen">{t.person.back}</Link>
      </p>
      <h1>{p.name}</h1>
      {notice && (
        <p ref={result} tabIndex={-1} className="notice" role="status">
          {notice}
        </p>
      )}
      {problem && !notice && (
        <p ref={result} tabIndex={-1} className="error" role="alert">
          {problem.message}
        </p>
      )}
      <dl className="card">
        <dt>{t.person.email}</dt>
        <dd>{p.email}</dd>
        <dt>{t.list.columns.state}</dt>
        <dd>
          {p.deactivatedAt
            ? t.person.isDeactivated(formatDateTime(p.deactivatedAt, timeZone, language))
            : p.hasPassword
              ? t.list.active
              : p.invitationExpiresAt && p.invitationExpiresAt > new Date()
                ? t.list.invited(formatDateTime(p.invitationExpiresAt, timeZone, language))
                : t.list.invitationLapsed}
        </dd>
        <dt>{t.person.licence}</dt>
        <dd>{p.licenceCheckValidUntil ?? t.person.noLicence}</dd>
      </dl>
      <form
        className={`panel ${styles.stack}`}
        onSubmit={save}
        aria-labelledby={`${formId}-title`}
        noValidate
      >
        <h2 id={`${formId}-title`}>{t.person.placementTitle}</h2>
        <div className="grid">
          <FormField
            formId={formId}
            name="role"
            label={t.invite.role}
            errors={place.error ? problemOf(place.error).fields.role : undefined}
          >
            {(control) => (
              <select
                {...control}
                value={current.role}
                onChange={(event) => setPlacement({ ...current, role: event.target.value as Role })}
              >
                <option value="staff">{t.roles.staff}</option>
                <option value="fleet_manager">{t.roles.fleet_manager}</option>
                {(isOperator || p.role === 'operator') && (
                  <option value="operator">{t.roles.operator}</option>
                )}
              </select>
            )}
          </FormField>
          <FormField
            formId={formId}
            name="municipalityId"
            label={t.invite.municipality}
            errors={place.error ? problemOf(place.error).fields.municipalityId : undefined}
          >
            {(control) => (
              <select
                {...control}
                value={current.municipalityId}
                onChange={(event) => setPlacement({ ...current, municipalityId: event.target.value })}
              >
                {isOperator && <option value="">{t.invite.noMunicipality}</option>}
                {(municipalities.data ?? []).map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.name}
                  </option>
                ))}
              </select>
            )}
          </FormField>
        </div>
        <div className="actions">
          <button type="submit" disabled={place.isPending || isSelf}>
            {t.person.save}
          </button>
        </div>
      </form>
      {confirming && !p.deactivatedAt && (
        <fieldset className="card">
          <legend>{t.person.deactivateConfirm(p.upcomingBookings)}</legend>
          <div className="actions">
            <button type="button" className="danger" onClick={off} disabled={deactivate.isPending}>
              {t.person.deactivateYes}
            </button>
            <button type="button" className="secondary" onClick={() => setConfirming(false)}>
              {t.person.keep}
            </button>
          </div>
        </fieldset>
      )}
      <div className="actions">
        {!p.hasPassword && !p.deactivatedAt && (
          <button type="button" onClick={() => reinvite.mutate({ userId })} disabled={reinvite.isPending}>
            {t.person.reinvite}
          </button>
        )}
        {p.deactivatedAt ? (
          <button type="button" onClick={() => reactivate.mutate({ userId })} disabled={reactivate.isPending}>
            {t.person.reactivate}
          </button>
        ) : (
          !isSelf &&
          !confirming && (
            <button type="button" className="danger" onClick={() => setConfirming(true)}>
              {t.person.deactivate}
            </button>
          )
        )}
      </div>
    </>
  );
}
