export { approvalDeclined, approvalGranted, approvalPending, approvalRequested } from './approval-mails';
export {
  type Actor,
  type Alternative,
  type BookingChange,
  bookingCancelled,
  bookingChanged,
  bookingConfirmation,
  bookingNoShow,
  bookingReminder,
  type Cancellation,
  lateReturnWarning,
} from './booking-mails';
export { formatDateTime, formatRange } from './format';
export { fileMailer, type Mailer, mailContextFromEnv, mailerFromEnv, senderOf, smtpMailer } from './mailer';
export type { MailContext, MailMessage } from './message';
export { type ChangeRecord, type Notice, type NoticeKind, notify } from './outbox';
export { renderNotice, UndeliverableNotice } from './render';
export { type SignInLock, signInLocked } from './sign-in-mails';
export {
  MAX_ATTEMPTS,
  type NoticeScope,
  type NotificationWorker,
  retryDelayMs,
  sendDueNotifications,
  startNotificationWorker,
  type WorkerOptions,
  type WorkerRun,
} from './worker';
