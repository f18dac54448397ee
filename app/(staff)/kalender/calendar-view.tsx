'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { problemOf } from '../../lib/errors';
import { useLanguage, useMessages } from '../../lib/i18n';
import { formatDateTime } from '../../lib/time';
import { useTRPC } from '../../lib/trpc';

/** The subscription link once more with webcal:, which desktop and phone calendars open directly. */
const webcalOf = (url: string) => url.replace(/^https?:/, 'webcal:');

export function CalendarView() {
  const messages = useMessages();
  const language = useLanguage();
  const t = messages.calendar;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const settings = useQuery(trpc.region.settings.queryOptions());
  const feed = useQuery(trpc.calendar.feed.queryOptions());
  // The URL exists only in this answer: the server keeps its hash and cannot show it again.
  const [url, setUrl] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries(trpc.calendar.feed.queryFilter());

  const create = useMutation(
    trpc.calendar.createFeed.mutationOptions({
      onSuccess: async (created) => {
        setUrl(created.url);
        setNotice(null);
        await refresh();
      },
    }),
  );
  const revoke = useMutation(
    trpc.calendar.revokeFeed.mutationOptions({
      onSuccess: async () => {
        setUrl(null);
        setNotice(t.revoked);
        await refresh();
      },
    }),
  );

  async function copy(text: string) {
    try {
      await navigator.clipboard.writeText(text);
      setNotice(t.copied);
    } catch {
      setNotice(t.copyFailed);
    }
  }

  const timeZone = settings.data?.timeZone;
  if (!timeZone || !feed.data) return <p>{messages.errors.loading}</p>;
  const state = feed.data;
  const error = create.error ?? revoke.error;
  const busy = create.isPending || revoke.isPending;

  return (
    <>
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      <p className="hint">{t.secret}</p>
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      {error && (
        <p className="error" role="alert">
          {problemOf(error).message}
        </p>
      )}

      <section className="card">
        {state.active ? (
          <>
            <p>{t.active(formatDateTime(state.createdAt, timeZone, language))}</p>
            <p className="meta">
              {state.lastFetchedAt
                ? t.lastFetched(formatDateTime(state.lastFetchedAt, timeZone, language))
                : t.neverFetched}
            </p>
          </>
        ) : (
          <p>{t.none}</p>
        )}
        <div className="actions">
          <button
            type="button"
            disabled={busy}
            onClick={() => {
              if (!state.active || window.confirm(t.replaceConfirm)) create.mutate();
            }}
          >
            {create.isPending ? t.creating : state.active ? t.replace : t.create}
          </button>
          {state.active && (
            <button
              type="button"
              className="danger"
              disabled={busy}
              onClick={() => {
                if (window.confirm(t.revokeConfirm)) revoke.mutate();
              }}
            >
              {revoke.isPending ? t.revoking : t.revoke}
            </button>
          )}
        </div>
      </section>

      {url && (
        <section className="card" aria-labelledby="feed-url">
          <h2 id="feed-url">{t.yourLink}</h2>
          <p className="hint">{t.onlyOnce}</p>
          <input
            type="text"
            readOnly
            value={url}
            aria-label={t.yourLink}
            onFocus={(event) => event.currentTarget.select()}
          />
          <div className="actions">
            <button type="button" onClick={() => copy(url)}>
              {t.copy}
            </button>
            <a href={webcalOf(url)}>{t.openInApp}</a>
          </div>
        </section>
      )}

      <h2>{t.howTo}</h2>
      <ul>
        <li>{t.outlook}</li>
        <li>{t.thunderbird}</li>
        <li>{t.google}</li>
        <li>{t.apple}</li>
      </ul>
      <p className="hint">{t.refresh}</p>
    </>
  );
}
