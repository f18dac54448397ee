import type { damageStates } from '@/db/schema';

export type DamageState = (typeof damageStates)[number];

/**
 * Which step a damage report may take from where it stands: seen by the fleet, in the workshop,
 * repaired; or rejected (no damage, or one reported twice). Repaired and rejected are final: a
 * damage found again is a new report. A step may skip ahead (a scratch fixed the same day goes from
 * new to repaired), never back.
 */
const nextStates: Record<DamageState, readonly DamageState[]> = {
  new: ['seen', 'in_repair', 'repaired', 'rejected'],
  seen: ['in_repair', 'repaired', 'rejected'],
  in_repair: ['repaired'],
  repaired: [],
  rejected: [],
};

const stateText: Record<DamageState, string> = {
  new: 'neu',
  seen: 'gesichtet',
  in_repair: 'in Reparatur',
  repaired: 'repariert',
  rejected: 'abgelehnt',
};

export type DamageStep = { ok: true } | { ok: false; reason: string };

export function damageStep(from: DamageState, to: DamageState): DamageStep {
  if (nextStates[from].includes(to)) return { ok: true };
  if (from === to) return { ok: false, reason: `Die Meldung ist bereits „${stateText[from]}“.` };
  if (nextStates[from].length === 0)
    return { ok: false, reason: `Die Meldung ist „${stateText[from]}“ und abgeschlossen.` };
  return {
    ok: false,
    reason: `Eine Meldung „${stateText[from]}“ kann nicht auf „${stateText[to]}“ gesetzt werden.`,
  };
}

/** The steps offered from a state, in the order the fleet takes them. */
export const statesAfter = (from: DamageState): readonly DamageState[] => nextStates[from];

/** Still the fleet's business: shown to the next booker, and a not-drivable one keeps the car blocked. */
export const isOpenDamage = (state: DamageState) => nextStates[state].length > 0;

export const openDamageStates = (Object.keys(nextStates) as DamageState[]).filter(isOpenDamage);
