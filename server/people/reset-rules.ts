/**
 * How often one client address may ask for password reset mails: a fixed window, as sign-in
 * failures are counted per address (server/auth/throttle-rules.ts). Ten a quarter of an hour lets
 * a town hall behind one address through and stops a script mailing every address it guesses.
 */
export const RESET_ADDRESS_LIMIT = { maxRequests: 10, windowMs: 15 * 60_000 } as const;

export type AddressWindow = { attempts: number; windowStartedAt: Date };

export type ResetVerdict = { allowed: true; next: AddressWindow } | { allowed: false };

export function resetRequestAttempt(state: AddressWindow | null, now: Date): ResetVerdict {
  if (!state || now.getTime() - state.windowStartedAt.getTime() >= RESET_ADDRESS_LIMIT.windowMs)
    return { allowed: true, next: { attempts: 1, windowStartedAt: now } };
  if (state.attempts >= RESET_ADDRESS_LIMIT.maxRequests) return { allowed: false };
  return { allowed: true, next: { attempts: state.attempts + 1, windowStartedAt: state.windowStartedAt } };
}
