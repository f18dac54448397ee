import type { bookingStatuses } from '@/db/schema';
import { MINUTE, openBookingStatuses } from './rules';

export type BookingStatus = (typeof bookingStatuses)[number];

/** What a booking is, as far as its lifecycle cares. */
export interface BookingState {
  status: BookingStatus;
  startsAt: Date;
  endsAt: Date;
  /** While an extension of an approved booking awaits approval: the end that was approved. */
  approvedEndsAt?: Date | null;
}

export type LifecycleEvent =
  | { type: 'approve' }
  | { type: 'decline'; reason: string }
  | { type: 'unlock' }
  | { type: 'end' }
  | { type: 'cancel'; by: 'booker' | 'manager' | 'system'; reason?: string }
  | { type: 'no_show'; graceMinutes: number }
  /**
   * `needsApproval`: the owner's policy wants the added time approved (the booker is no approver).
   * `reason`: why a fleet manager changed someone's booking, told to the booker.
   */
  | { type: 'extend'; endsAt: Date; needsApproval?: boolean; reason?: string }
  | { type: 'shorten'; endsAt: Date; reason?: string };

type Refusal = { ok: false; reason: string };
export type Transition = { ok: true; next: BookingState } | Refusal;

const statusText: Record<BookingStatus, string> = {
  pending: 'wartet auf Freigabe',
  reserved: 'ist reserviert',
  active: 'läuft bereits',
  completed: 'ist abgeschlossen',
  cancelled: 'ist storniert',
  no_show: 'wurde nicht abgeholt',
};

const refuse = (reason: string): Refusal => ({ ok: false, reason });
const illegal = (state: BookingState, action: string): Refusal =>
  refuse(`Diese Buchung ${statusText[state.status]} und kann nicht ${action} werden.`);

/**
 * The one place that says which lifecycle steps a booking may take and what it looks like after:
 * pending → reserved → active → completed, with cancelled and no_show beside them. Pure: the caller
 * writes the result and records the step.
 */
export function transition(state: BookingState, event: LifecycleEvent, now: Date): Transition {
  const to = (patch: Partial<BookingState>): Transition => ({ ok: true, next: { ...state, ...patch } });
  const { status } = state;
  switch (event.type) {
    case 'approve':
      return status === 'pending'
        ? to({ status: 'reserved', approvedEndsAt: null })
        : illegal(state, 'freigegeben');
    case 'decline':
      if (status !== 'pending') return illegal(state, 'abgelehnt');
      if (!event.reason.trim()) return refuse('Bitte einen Grund für die Ablehnung angeben.');
      // A declined extension leaves the booking as it was approved; a declined booking is cancelled.
      if (state.approvedEndsAt)
        return to({ status: 'reserved', endsAt: state.approvedEndsAt, approvedEndsAt: null });
      return to({ status: 'cancelled' });
    case 'unlock':
      if (status === 'active') return to({});
      return status === 'reserved' ? to({ status: 'active' }) : illegal(state, 'geöffnet');
    case 'end':
      if (status !== 'active') return illegal(state, 'beendet');
      // Ending early frees the rest at once; a late end keeps the booked end (the overrun is the trip's).
      return to({ status: 'completed', endsAt: earlyEnd(state, now) });
    case 'cancel':
      return cancel(state, event, now);
    case 'no_show':
      if (status !== 'reserved') return illegal(state, 'als nicht abgeholt markiert');
      if (now.getTime() < state.startsAt.getTime() + event.graceMinutes * MINUTE)
        return refuse('Die Kulanzzeit für die Abholung läuft noch.');
      return to({ status: 'no_show' });
    case 'extend':
      if (!isOpen(status)) return illegal(state, 'verlängert');
      if (event.endsAt <= state.endsAt) return refuse('Das neue Ende muss nach dem bisherigen liegen.');
      if (status === 'active' && state.endsAt < now)
        return refuse('Die Buchungszeit ist bereits abgelaufen; bitte das Fahrzeug zurückgeben.');
      // A pending booking is still to be decided, with its new end; an approved one asks again.
      if (!event.needsApproval || status === 'pending') return to({ endsAt: event.endsAt });
      if (status === 'active')
        return refuse(
          'Eine Verlängerung muss freigegeben werden; während der Fahrt geht das nur über den Fuhrpark. Bitte dort melden.',
        );
      return to({ status: 'pending', endsAt: event.endsAt, approvedEndsAt: state.endsAt });
    case 'shorten':
      if (!isOpen(status)) return illegal(state, 'verkürzt');
      if (event.endsAt >= state.endsAt) return refuse('Das neue Ende muss vor dem bisherigen liegen.');
      if (event.endsAt <= state.startsAt) return refuse('Das neue Ende muss nach dem Beginn liegen.');
      if (event.endsAt < now) return refuse('Das neue Ende liegt in der Vergangenheit.');
      // Shortened back within what was approved: the approval covers it again.
      if (state.approvedEndsAt && event.endsAt <= state.approvedEndsAt)
        return to({ status: 'reserved', endsAt: event.endsAt, approvedEndsAt: null });
      return to({ endsAt: event.endsAt });
  }
}

const isOpen = (status: BookingStatus) => (openBookingStatuses as readonly string[]).includes(status);

function cancel(state: BookingState, event: { by: string; reason?: string }, now: Date): Transition {
  if (event.by === 'booker') {
    if (state.status !== 'pending' && state.status !== 'reserved') return illegal(state, 'storniert');
    if (state.startsAt <= now) return refuse('Eine Buchung kann nur vor ihrem Beginn storniert werden.');
    return { ok: true, next: { ...state, status: 'cancelled' } };
  }
  if (!isOpen(state.status)) return illegal(state, 'storniert');
  if (!event.reason?.trim()) return refuse('Bitte einen Grund für die Stornierung angeben.');
  return { ok: true, next: { ...state, status: 'cancelled' } };
}

function earlyEnd(state: BookingState, now: Date): Date {
  if (now >= state.endsAt) return state.endsAt;
  // A range must stay non-empty: a trip ended before its start keeps one minute.
  const floor = new Date(state.startsAt.getTime() + MINUTE);
  return now > floor ? now : floor;
}
