import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '@/server/root';

export type BlockRequest = inferRouterInputs<AppRouter>['blocks']['preview'];
export type BlockKind = BlockRequest['kind'];
export type BlockResult = inferRouterOutputs<AppRouter>['blocks']['create'];
export type ManagedVehicle = inferRouterOutputs<AppRouter>['vehicles']['managed'][number];

export const blockKinds: readonly BlockKind[] = ['maintenance', 'cleaning', 'damage', 'inspection'];

export const isBlockKind = (value: string): value is BlockKind =>
  (blockKinds as readonly string[]).includes(value);
