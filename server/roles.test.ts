import { describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import type { SessionUser } from './auth/queries';
import { testContext } from './test-context';
import { fleetManagerProcedure, operatorProcedure, router, staffProcedure } from './trpc';

// The procedure builders alone, on a router of their own: no database is needed to check roles.
const probe = router({
  staff: staffProcedure.query(({ ctx }) => ctx.user.role),
  fleet: fleetManagerProcedure.query(({ ctx }) => ctx.user.role),
  operator: operatorProcedure.query(({ ctx }) => ctx.user.role),
});

const person = (role: SessionUser['role']): SessionUser => ({
  id: '00000000-0000-4000-8000-000000000001',
  name: 'Probe',
  email: 'probe@test.example',
  role,
  municipalityId: role === 'operator' ? null : '00000000-0000-4000-8000-000000000002',
  licenceCheckValidUntil: null,
  language: 'de',
});
const callAs = (user: SessionUser | null) => probe.createCaller(testContext({} as Db, user));

describe('role procedures', () => {
  it('answers UNAUTHORIZED to anonymous callers', async () => {
    await expect(callAs(null).staff()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await expect(callAs(null).operator()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });

  it('answers FORBIDDEN to a role below the procedure', async () => {
    await expect(callAs(person('staff')).fleet()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(callAs(person('fleet_manager')).operator()).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('lets each role through its own and the lower procedures', async () => {
    await expect(callAs(person('staff')).staff()).resolves.toBe('staff');
    await expect(callAs(person('fleet_manager')).fleet()).resolves.toBe('fleet_manager');
    await expect(callAs(person('operator')).fleet()).resolves.toBe('operator');
    await expect(callAs(person('operator')).operator()).resolves.toBe('operator');
  });
});
