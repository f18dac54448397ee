import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '@/server/root';
import { fleetAdminDe } from '../../../messages/fleet-admin';

type Outputs = inferRouterOutputs<AppRouter>;
export type ManagedVehicle = Outputs['vehicles']['managed'][number];
export type SavedVehicle = Outputs['vehicles']['create'];
export type Station = Outputs['stations']['list'][number];
export type Equipment = inferRouterInputs<AppRouter>['vehicles']['create']['equipment'][number];

// Typed as the server's list: a piece of equipment without a label fails the typecheck here.
const labels: Record<Equipment, string> = fleetAdminDe.equipment;
export const equipmentList = Object.keys(labels) as Equipment[];
export const powertrains = ['ev', 'phev', 'ice'] as const;
export type Powertrain = (typeof powertrains)[number];

export const isPowertrain = (value: string): value is Powertrain =>
  (powertrains as readonly string[]).includes(value);
export const isEquipment = (value: string): value is Equipment =>
  (equipmentList as readonly string[]).includes(value);

/** A local date of an instant, as a date field shows it. */
export const dayIn = (instant: Date, timeZone: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    instant,
  );
