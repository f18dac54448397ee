import type { ErrorEntries } from './errors';

/** The fleet administration's refusals (cars, stations). */
export const fleetErrors = {
  VEHICLE_ALREADY_RETIRED: {
    trpc: 'PRECONDITION_FAILED',
    de: 'Dieses Fahrzeug ist bereits außer Dienst gestellt.',
    en: 'This car has already been retired.',
  },
} as const satisfies ErrorEntries;
