import type { CalendarBooking, Person } from '../calendar/types';
import { bookingFacts, mailTexts } from './booking-mails';
import { compose, type MailContext, type MailMessage } from './message';

/** To a fleet manager of the car's municipality: a damage reported at the car, and whether it still drives. */
export function damageReported(
  booking: CalendarBooking,
  manager: Person,
  damage: { description: string; drivable: boolean },
  context: MailContext,
): MailMessage {
  const texts = mailTexts(context);
  const t = texts.damage;
  return compose(context, {
    to: manager,
    subject: t.subject(booking.vehicle.plate, damage.drivable),
    intro: [t.intro, damage.drivable ? t.drivable : t.notDrivable],
    facts: [
      [texts.facts.description, damage.description],
      [texts.facts.drivable, damage.drivable ? texts.facts.yes : texts.facts.no],
      [texts.facts.bookedBy, `${booking.booker.name} <${booking.booker.email}>`],
      ...bookingFacts(booking, context),
    ],
    action: { label: texts.actions.fleet, url: `${context.appUrl.replace(/\/+$/, '')}/fuhrpark` },
  });
}
