export { hashFeedToken, isFeedTokenShaped, newFeedToken } from './feed-token';
export {
  bookingEvent,
  bookingFeed,
  bookingUid,
  bookingUrl,
  FEED_REFRESH_SECONDS,
  type FeedOptions,
  feedStatuses,
} from './ics';
export {
  clientKey,
  type FeedAdmission,
  type FeedLimiter,
  type FeedLimitOptions,
  feedLimiter,
  type RateLimitDecision,
  type RateLimiter,
  type RateLimitOptions,
  tokenBucketLimiter,
} from './rate-limit';
export type { CalendarBooking, CalendarBookingStatus, CalendarOptions, Person } from './types';
