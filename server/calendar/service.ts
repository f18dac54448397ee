import type { Db } from '@/db/client';
import type { SessionUser } from '../auth/queries';
import { hashFeedToken, newFeedToken } from './feed-token';
import { findActiveFeedOf, insertFeed, revokeFeedsOf } from './queries';

type Person = Pick<SessionUser, 'id'>;

/** The address calendar clients subscribe to; `.ics` because some clients look at the ending. */
function feedUrl(appUrl: string, token: string): string {
  return `${appUrl.replace(/\/+$/, '')}/api/kalender/${token}.ics`;
}

/** Whether the person has a live subscription link; the link itself cannot be shown again. */
export async function feedOf(db: Db, user: Person) {
  const feed = await findActiveFeedOf(db, user.id);
  return feed
    ? { active: true as const, createdAt: feed.createdAt, lastFetchedAt: feed.lastFetchedAt }
    : { active: false as const, createdAt: null, lastFetchedAt: null };
}

/**
 * A new subscription link, replacing any earlier one (a person asks for a new link when the old
 * one may have leaked). The token leaves the server only in this answer; the database keeps its hash.
 */
export async function createFeed(db: Db, user: Person, appUrl: string, now = new Date()) {
  const token = newFeedToken();
  const feed = await db.transaction(async (tx) => {
    await revokeFeedsOf(tx, user.id, now);
    return insertFeed(tx, user.id, hashFeedToken(token), now);
  });
  return { url: feedUrl(appUrl, token), createdAt: feed.createdAt };
}

/** Ends the person's subscription: the next fetch of the old link gets 404. */
export async function revokeFeed(db: Db, user: Person, now = new Date()) {
  return { revoked: (await revokeFeedsOf(db, user.id, now)) > 0 };
}
