'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useRef, useState } from 'react';
import { LanguageSwitch } from '../../language-switch';
import { problemOf } from '../../lib/errors';
import { useMessages } from '../../lib/i18n';
import { useTRPC } from '../../lib/trpc';
import { useTypedBeforeHydration } from '../../lib/typed-before-hydration';

const optionalMails = ['confirmation', 'reminder', 'approval_pending'] as const;
type OptionalMail = (typeof optionalMails)[number];

/** Language, calendar link, the mails the person wants, and when their licence check runs out. */
export function ProfileView() {
  const messages = useMessages();
  const t = messages.people.profile;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const profile = useQuery(trpc.account.profile.queryOptions());
  const feed = useQuery(trpc.calendar.feed.queryOptions());
  const [saved, setSaved] = useState(false);
  // The boxes as ticked, at once: a box waiting for the cache would spring back until the answer.
  const [ticked, setTicked] = useState<Partial<Record<OptionalMail, boolean>>>({});
  const choose = useMutation(
    trpc.account.chooseMail.mutationOptions({
      onError: () => {
        setTicked({});
        queryClient.invalidateQueries(trpc.account.profile.queryFilter());
      },
      onSuccess: (mails) => {
        queryClient.setQueryData(trpc.account.profile.queryKey(), (old) => (old ? { ...old, mails } : old));
        setSaved(true);
      },
    }),
  );
  const tick = (kind: OptionalMail, wanted: boolean) => {
    setSaved(false);
    setTicked((before) => ({ ...before, [kind]: wanted }));
    choose.mutate({ kind, wanted });
  };
  const mails = useRef<HTMLFieldSetElement>(null);
  // A box ticked before the scripts ran is a choice too: it is saved, not lost.
  useTypedBeforeHydration(mails, (typed) => {
    for (const kind of optionalMails) {
      const wanted = typed[kind];
      if (typeof wanted === 'boolean') tick(kind, wanted);
    }
  });
  if (!profile.data) return <p>{messages.errors.loading}</p>;
  const me = profile.data;

  return (
    <>
      <h1>{t.title}</h1>
      <dl className="card">
        <dt>{messages.people.invite.name}</dt>
        <dd>{me.name}</dd>
        <dt>{messages.people.invite.email}</dt>
        <dd>{me.email}</dd>
        <dt>{t.role}</dt>
        <dd>{messages.people.roles[me.role]}</dd>
        {me.municipalityName && (
          <>
            <dt>{t.municipality}</dt>
            <dd>{me.municipalityName}</dd>
          </>
        )}
      </dl>

      <section className="card" aria-labelledby="profil-sprache">
        <h2 id="profil-sprache">{t.languageTitle}</h2>
        <p>
          {t.languageIntro} {t.current[me.language]}.
        </p>
        <LanguageSwitch signedIn />
      </section>

      <section className="card" aria-labelledby="profil-kalender">
        <h2 id="profil-kalender">{t.calendarTitle}</h2>
        <p>{feed.data?.active ? t.calendarActive : t.calendarNone}</p>
        <Link href="/kalender">{t.calendarManage}</Link>
      </section>

      <section className="card" aria-labelledby="profil-fuehrerschein">
        <h2 id="profil-fuehrerschein">{t.licenceTitle}</h2>
        <p>{me.licenceCheckValidUntil ? t.licenceUntil(me.licenceCheckValidUntil) : t.licenceNone}</p>
      </section>

      <section className="card" aria-labelledby="profil-mails">
        <h2 id="profil-mails">{t.mailsTitle}</h2>
        <fieldset ref={mails}>
          <legend>{t.mailsIntro}</legend>
          {optionalMails.map((kind) => (
            <label key={kind} className="check">
              <input
                type="checkbox"
                name={kind}
                checked={ticked[kind] ?? me.mails[kind]}
                onChange={(event) => tick(kind, event.target.checked)}
              />{' '}
              {t.mails[kind]}
            </label>
          ))}
        </fieldset>
        <p className="hint">{t.mandatory}</p>
        {saved && (
          <p className="notice" role="status">
            {t.saved}
          </p>
        )}
        {choose.error && (
          <p className="error" role="alert">
            {problemOf(choose.error).message}
          </p>
        )}
      </section>
    </>
  );
}
