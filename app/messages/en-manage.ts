import { auditEn } from './audit.en';
import { boxesEn } from './boxes.en';
import { complianceEn } from './compliance.en';
import { costsEn, settlementEn } from './costs.en';
import { dashboardEn } from './dashboard.en';
import type { ManageMessages } from './de-manage';
import { enStaff } from './en-staff';
import { fleetAdminEn } from './fleet-admin.en';
import { fleetCalendarEn, fleetDamageEn } from './fleet-damage.en';
import { sizingEn } from './privacy-sizing.en';

/** The English twins of de-manage.ts. */
export const enManage: ManageMessages = {
  manage: {
    nav: enStaff.manage.nav,
    title: 'Fleet',
    sections: {
      approvals: 'Approvals',
      blocks: 'Blocked times',
      rules: 'Booking rules',
      costs: 'Costs',
      settlement: 'Settlement',
      audit: 'Audit log',
    },
    sectionsLabel: 'Areas of the fleet',
    range: (from: string, to: string) => `${from} – ${to}`,
    approvals: {
      title: 'Bookings awaiting approval',
      intro: 'These bookings of your cars are waiting for your decision. The car stays held until then.',
      none: 'No bookings are awaiting approval.',
      booker: (name: string, municipality: string | null) =>
        municipality ? `${name} (${municipality})` : name,
      requested: (at: string) => `Requested on ${at}`,
      extension: (approvedUntil: string) =>
        `Extension of an approved booking (so far until ${approvedUntil}). If declined, that stays.`,
      purpose: 'Purpose',
      approve: 'Approve',
      approving: 'Approving …',
      decline: 'Decline',
      declineReason: 'Reason for declining (the booker is told)',
      declineSubmit: 'Send decline',
      declining: 'Declining …',
      back: 'Cancel',
      approved: (who: string) => `Booking of ${who} approved.`,
      declined: (who: string) => `Booking of ${who} declined.`,
      reasonTooShort: 'Please give a reason of at least 3 characters.',
      linked: 'The request from your e-mail',
      linkedGone:
        'The request from your e-mail no longer awaits a decision: it has already been decided or withdrawn.',
    },
    blocks: {
      title: 'Blocked times',
      intro: 'During a blocked time (maintenance, cleaning, damage, inspection) the car cannot be booked.',
      current: 'Current and coming blocked times',
      none: 'No blocked times entered.',
      cancel: 'Lift blocked time',
      cancelConfirm: 'Lift this blocked time? The car can then be booked again.',
      cancelled: 'Blocked time lifted.',
      untilCleared: (from: string) => `from ${from}, until its cause is cleared`,
      endsWithRecord:
        'Ends with its cause: a UVV block with the next inspection (UVV), a damage block when the report is closed (Damages).',
      kinds: { maintenance: 'Maintenance', cleaning: 'Cleaning', damage: 'Damage', inspection: 'Inspection' },
      newTitle: 'Block a car',
      vehicle: 'Car',
      chooseVehicle: 'Please choose',
      fromDate: 'From (date)',
      fromTime: 'From (time)',
      toDate: 'To (date)',
      toTime: 'To (time)',
      kind: 'Kind',
      reason: 'Reason',
      reasonHint: 'Those affected are told when bookings are moved or cancelled.',
      check: 'Check',
      checking: 'Checking …',
      previewTitle: 'Preview',
      noneAffected: 'The car has no bookings in this period.',
      affected: (n: number) =>
        n === 1 ? 'This booking is in the way:' : `These ${n} bookings are in the way:`,
      movedTo: (plate: string) => `will be moved to ${plate}`,
      willCancel: 'will be cancelled – no replacement car is free',
      onTrip: 'The car is on a trip at this time – the blocked time must start after the trip',
      otherCar: 'an equivalent car',
      confirm: 'Enter blocked time',
      confirmAffected: 'Block, move and cancel',
      saving: 'Saving …',
      change: 'Change',
      done: (moved: number, cancelled: number) => {
        const parts: string[] = [];
        if (moved > 0) parts.push(moved === 1 ? '1 booking moved' : `${moved} bookings moved`);
        if (cancelled > 0)
          parts.push(cancelled === 1 ? '1 booking cancelled' : `${cancelled} bookings cancelled`);
        return parts.length > 0
          ? `Blocked time entered: ${parts.join(', ')}. Those affected are being told.`
          : 'Blocked time entered. No booking was affected.';
      },
      incomplete: 'Please give the car, start, end, kind and reason.',
    },
    rules: {
      title: 'Booking rules',
      intro: 'These rules apply to all bookings of your municipality’s cars.',
      municipality: 'Municipality',
      chooseMunicipality: 'Please choose',
      horizonDays: 'Booking horizon (days)',
      horizonHint: 'A booking may start this many days ahead (1 to 730).',
      maxDuration: 'Longest booking (hours)',
      maxDurationHint: 'A single booking may not last longer, e.g. 8 for a working day, 336 = 14 days.',
      minLead: 'Lead time (minutes)',
      minLeadHint: 'Bookings must be made at least this long before the start; 0 = also at short notice.',
      othersMayBook: 'Open the cars to other municipalities',
      othersMayBookHint: 'Staff of the region’s other municipalities may book these cars.',
      othersFrom: 'Bookable for others from (time)',
      othersUntil: 'Bookable for others until (time)',
      othersHoursHint:
        'Leave both empty: around the clock. Otherwise the booking must lie wholly within these hours.',
      noShowGrace: 'Grace time until no-show (minutes)',
      noShowGraceHint:
        'If the car is not opened this long after the start, the booking counts as not collected.',
      maxFutureBookings: 'Most open bookings per person',
      maxFutureBookingsHint: 'A person may hold this many upcoming bookings with your municipality at once.',
      approvalRequired: 'Bookings need approval',
      approvalRequiredHint:
        'New bookings wait for approval under “Approvals”; the car stays held until then.',
      licenceInterval: 'Licence check every … months',
      licenceIntervalHint:
        'How long a check of your own staff holds; if the licence card expires sooner, it holds until then.',
      save: 'Save rules',
      saving: 'Saving …',
      saved: 'The booking rules are saved.',
    },
  },
  costs: costsEn,
  settlement: settlementEn,
  sizing: sizingEn,
  compliance: complianceEn,
  fleetAdmin: fleetAdminEn,
  boxes: boxesEn,
  fleetCalendar: fleetCalendarEn,
  audit: auditEn,
  dashboard: dashboardEn,
  fleetDamage: fleetDamageEn,
};
