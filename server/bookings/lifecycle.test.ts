import { describe, expect, it } from 'vitest';
import { type BookingState, type BookingStatus, type LifecycleEvent, transition } from './lifecycle';

const now = new Date('2026-12-01T10:00:00Z');
const at = (minutes: number) => new Date(now.getTime() + minutes * 60_000);
const booking = (status: BookingStatus, start = 60, end = 180): BookingState => ({
  status,
  startsAt: at(start),
  endsAt: at(end),
});
const next = (state: BookingState, event: LifecycleEvent, when = now) => {
  const result = transition(state, event, when);
  return result.ok ? result.next : result.reason;
};
const statuses: BookingStatus[] = ['pending', 'reserved', 'active', 'completed', 'cancelled', 'no_show'];

describe('lifecycle transitions', () => {
  it('walks pending → reserved → active → completed', () => {
    expect(next(booking('pending'), { type: 'approve' })).toMatchObject({ status: 'reserved' });
    expect(next(booking('reserved', -5), { type: 'unlock' })).toMatchObject({ status: 'active' });
    expect(next(booking('active', -60, 60), { type: 'end' }, at(60))).toMatchObject({ status: 'completed' });
  });

  it('refuses every step from a final state', () => {
    const events: LifecycleEvent[] = [
      { type: 'approve' },
      { type: 'unlock' },
      { type: 'end' },
      { type: 'cancel', by: 'manager', reason: 'Defekt' },
      { type: 'extend', endsAt: at(300) },
      { type: 'shorten', endsAt: at(90) },
      { type: 'no_show', graceMinutes: 0 },
    ];
    for (const status of ['completed', 'cancelled', 'no_show'] as const)
      for (const event of events)
        expect(transition(booking(status), event, now).ok, `${status} ${event.type}`).toBe(false);
  });

  it('approves and declines only pending bookings, declining with a reason', () => {
    for (const status of statuses.filter((s) => s !== 'pending'))
      expect(transition(booking(status), { type: 'approve' }, now).ok).toBe(false);
    expect(next(booking('pending'), { type: 'decline', reason: ' ' })).toBe(
      'Bitte einen Grund für die Ablehnung angeben.',
    );
    expect(
      next(booking('pending'), { type: 'decline', reason: 'Dienstfahrt nicht genehmigt' }),
    ).toMatchObject({
      status: 'cancelled',
    });
  });

  it('lets the booker cancel only before the start', () => {
    expect(next(booking('reserved'), { type: 'cancel', by: 'booker' })).toMatchObject({
      status: 'cancelled',
    });
    expect(next(booking('pending'), { type: 'cancel', by: 'booker' })).toMatchObject({ status: 'cancelled' });
    expect(next(booking('reserved', -1), { type: 'cancel', by: 'booker' })).toBe(
      'Eine Buchung kann nur vor ihrem Beginn storniert werden.',
    );
    expect(transition(booking('active', -30), { type: 'cancel', by: 'booker' }, now).ok).toBe(false);
  });

  it('lets a fleet manager cancel any open booking, with a reason', () => {
    expect(
      next(booking('active', -30), { type: 'cancel', by: 'manager', reason: 'Unfallschaden' }),
    ).toMatchObject({
      status: 'cancelled',
    });
    expect(next(booking('reserved'), { type: 'cancel', by: 'manager' })).toBe(
      'Bitte einen Grund für die Stornierung angeben.',
    );
  });

  it('marks a no-show only after the grace period', () => {
    const late = booking('reserved', -20);
    expect(next(late, { type: 'no_show', graceMinutes: 30 })).toBe(
      'Die Kulanzzeit für die Abholung läuft noch.',
    );
    expect(next(late, { type: 'no_show', graceMinutes: 15 })).toMatchObject({ status: 'no_show' });
    expect(transition(booking('active', -60), { type: 'no_show', graceMinutes: 15 }, now).ok).toBe(false);
  });

  it('extends and shortens open bookings in the right direction', () => {
    expect(next(booking('reserved'), { type: 'extend', endsAt: at(240) })).toMatchObject({ endsAt: at(240) });
    expect(next(booking('reserved'), { type: 'extend', endsAt: at(120) })).toBe(
      'Das neue Ende muss nach dem bisherigen liegen.',
    );
    expect(next(booking('reserved'), { type: 'shorten', endsAt: at(120) })).toMatchObject({
      endsAt: at(120),
    });
    expect(next(booking('reserved'), { type: 'shorten', endsAt: at(60) })).toBe(
      'Das neue Ende muss nach dem Beginn liegen.',
    );
    expect(next(booking('active', -60, 60), { type: 'shorten', endsAt: at(-10) })).toBe(
      'Das neue Ende liegt in der Vergangenheit.',
    );
    expect(next(booking('active', -120, -10), { type: 'extend', endsAt: at(60) })).toBe(
      'Die Buchungszeit ist bereits abgelaufen; bitte das Fahrzeug zurückgeben.',
    );
  });

  it('ending early frees the rest at once; ending late keeps the booked end', () => {
    expect(next(booking('active', -60, 60), { type: 'end' })).toMatchObject({
      status: 'completed',
      endsAt: now,
    });
    expect(next(booking('active', -120, -30), { type: 'end' })).toMatchObject({ endsAt: at(-30) });
    // Opened a few minutes early and ended at once: the range keeps one minute.
    expect(next(booking('active', 5, 60), { type: 'end' })).toMatchObject({ endsAt: at(6) });
  });

  it('treats a second unlock of a running booking as no change', () => {
    expect(next(booking('active', -30), { type: 'unlock' })).toEqual(booking('active', -30));
  });
});

describe('an extension that needs approval', () => {
  const extend = (endsAt: Date) => ({ type: 'extend' as const, endsAt, needsApproval: true });

  it('sends an approved booking back to the approvers, keeping the approved end to fall back to', () => {
    expect(next(booking('reserved'), extend(at(240)))).toEqual({
      status: 'pending',
      startsAt: at(60),
      endsAt: at(240),
      approvedEndsAt: at(180),
    });
    // Still undecided: it stays pending, with the new end.
    expect(next(booking('pending'), extend(at(240)))).toMatchObject({ status: 'pending', endsAt: at(240) });
  });

  it('on decline returns to what was approved, on approval keeps the new end', () => {
    const asked = { ...booking('pending', 60, 240), approvedEndsAt: at(180) };
    expect(next(asked, { type: 'decline', reason: 'Wird gebraucht' })).toMatchObject({
      status: 'reserved',
      endsAt: at(180),
      approvedEndsAt: null,
    });
    expect(next(asked, { type: 'approve' })).toMatchObject({
      status: 'reserved',
      endsAt: at(240),
      approvedEndsAt: null,
    });
    // Shortened back inside the approval: approved again, nothing left to decide.
    expect(next(asked, { type: 'shorten', endsAt: at(150) })).toMatchObject({
      status: 'reserved',
      endsAt: at(150),
      approvedEndsAt: null,
    });
  });

  it('is refused during a trip (the car is out; the fleet decides)', () => {
    expect(next(booking('active', -30, 60), extend(at(120)))).toMatch(/freigegeben/);
    expect(next(booking('active', -30, 60), { type: 'extend', endsAt: at(120) })).toMatchObject({
      status: 'active',
      endsAt: at(120),
    });
  });
});
