import { de, type Messages } from '../../messages/de';

/** What better-auth's client gives back for a refused sign-in: the answer's body and status. */
export type SignInFailure = { status: number; retryAfter?: unknown; code?: unknown };

/**
 * The sentence for a refused sign-in. A 429 is not a wrong password: it says how long to wait,
 * in the seconds the server named (body `retryAfter`, the same number as its Retry-After header).
 */
export function signInFailureMessage(failure: SignInFailure, t: Messages = de): string {
  // Said only after the password was right (server/auth/active-accounts.ts).
  if (failure.code === 'ACCOUNT_DEACTIVATED') return t.signIn.deactivated;
  if (failure.status !== 429) return t.signIn.failed;
  const seconds = Number(failure.retryAfter);
  return Number.isInteger(seconds) && seconds > 0
    ? t.signIn.tooManyAttempts(seconds)
    : t.signIn.tooManyAttemptsLater;
}
