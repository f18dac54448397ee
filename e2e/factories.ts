import { type APIRequestContext, expect } from '@playwright/test';
import type { World, WorldSpec } from '../server/e2e/factories';

export type { World };
export type Person = World['people'][number];

/**
 * The specs' own data, made and removed by the server (POST /api/e2e, on only under Playwright):
 * the test process cannot open the server's embedded database, which is one process's alone.
 */
export async function createWorld(request: APIRequestContext, spec: WorldSpec = {}): Promise<World> {
  const response = await request.post('/api/e2e', { data: { action: 'create', spec } });
  expect(response.ok(), `POST /api/e2e create: ${response.status()} ${await response.text()}`).toBe(true);
  return response.json();
}

export async function removeWorld(request: APIRequestContext, world: World): Promise<void> {
  const response = await request.post('/api/e2e', {
    data: { action: 'remove', municipalityId: world.municipality.id },
  });
  expect(response.status(), `POST /api/e2e remove: ${await response.text()}`).toBe(204);
}

/** The world's first person in this role. */
export function personOf(world: World, role: Person['role']): Person {
  const person = world.people.find((p) => p.role === role);
  if (!person) throw new Error(`the world has no ${role}`);
  return person;
}

/** A completed booking with a trip of `km` in the past, of `person` on `car` (both of test worlds). */
export async function pastTrip(
  request: APIRequestContext,
  trip: { vehicleId: string; userId: string; startsAt: Date; endsAt: Date; km: number },
): Promise<{ id: string }> {
  const response = await request.post('/api/e2e', {
    data: {
      action: 'pastTrip',
      trip: { ...trip, startsAt: trip.startsAt.toISOString(), endsAt: trip.endsAt.toISOString() },
    },
  });
  expect(response.ok(), `POST /api/e2e pastTrip: ${response.status()} ${await response.text()}`).toBe(true);
  return response.json();
}
