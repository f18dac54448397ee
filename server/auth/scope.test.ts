import { describe, expect, it } from 'vitest';
import type { SessionUser } from './queries';
import { assertMayManage, assertMayManageOrNotFound, mayManage, maySeeBooking } from './scope';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const person = (role: SessionUser['role'], municipalityId: string | null, id = 'p') => ({
  id,
  role,
  municipalityId,
});

describe('mayManage', () => {
  it('lets a fleet manager manage their own municipality only, and the operator every one', () => {
    expect(mayManage(person('fleet_manager', A), A)).toBe(true);
    expect(mayManage(person('fleet_manager', A), B)).toBe(false);
    expect(mayManage(person('operator', null), B)).toBe(true);
  });

  it('never lets staff manage, not even their own municipality', () => {
    expect(mayManage(person('staff', A), A)).toBe(false);
  });
});

describe('the refusals', () => {
  it('says OTHER_MUNICIPALITY for things everyone may see', () => {
    expect(() => assertMayManage(person('fleet_manager', B), A)).toThrow(
      expect.objectContaining({ code: 'OTHER_MUNICIPALITY' }),
    );
  });

  it('says the same NOT_FOUND for a foreign object as for a missing one', () => {
    const foreign = () => assertMayManageOrNotFound(person('fleet_manager', B), A, 'BOOKING_NOT_FOUND');
    const missing = () =>
      assertMayManageOrNotFound(person('fleet_manager', B), undefined, 'BOOKING_NOT_FOUND');
    expect(foreign).toThrow(expect.objectContaining({ code: 'BOOKING_NOT_FOUND' }));
    expect(missing).toThrow(expect.objectContaining({ code: 'BOOKING_NOT_FOUND' }));
    expect(() => assertMayManageOrNotFound(person('operator', null), undefined, 'JOB_NOT_FOUND')).toThrow(
      expect.objectContaining({ code: 'JOB_NOT_FOUND' }),
    );
    expect(() => assertMayManageOrNotFound(person('fleet_manager', A), A, 'BOOKING_NOT_FOUND')).not.toThrow();
  });
});

describe('maySeeBooking', () => {
  it('shows a booking to its booker and to whoever manages the car, to no one else', () => {
    const booking = { userId: 'booker', municipalityId: A };
    expect(maySeeBooking(person('staff', B, 'booker'), booking)).toBe(true);
    expect(maySeeBooking(person('staff', A, 'colleague'), booking)).toBe(false);
    expect(maySeeBooking(person('fleet_manager', A), booking)).toBe(true);
    expect(maySeeBooking(person('fleet_manager', B), booking)).toBe(false);
    expect(maySeeBooking(person('operator', null), booking)).toBe(true);
    expect(maySeeBooking(person('staff', A, 'x'), { userId: null, municipalityId: A })).toBe(false);
  });
});
