import type { inferRouterInputs } from '@trpc/server';
import type { AppRouter } from '@/server/root';

export type DamageStateName = NonNullable<inferRouterInputs<AppRouter>['damage']['list']['state']>;

/** The states in the order a report goes through them (the server's table decides which step is allowed). */
export const damageStates = [
  'new',
  'seen',
  'in_repair',
  'repaired',
  'rejected',
] as const satisfies readonly DamageStateName[];

const isState = (value: string | undefined): value is DamageStateName =>
  (damageStates as readonly string[]).includes(value ?? '');

/** The list's filter from its address: ?stand=<state>&fahrzeug=<car id>; anything else means all. */
export function readFilter(raw: Record<string, string | string[] | undefined>) {
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
  const state = first(raw.stand);
  const vehicleId = first(raw.fahrzeug);
  return {
    ...(isState(state) ? { state } : {}),
    ...(vehicleId && /^[0-9a-f-]{36}$/i.test(vehicleId) ? { vehicleId } : {}),
  };
}
