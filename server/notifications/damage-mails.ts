import type { CalendarBooking, Person } from '../calendar/types';
import { bookingFacts } from './booking-mails';
import { compose, type MailContext, type MailMessage } from './message';

/** To a fleet manager of the car's municipality: a damage reported at the car, and whether it still drives. */
export function damageReported(
  booking: CalendarBooking,
  manager: Person,
  damage: { description: string; drivable: boolean },
  context: MailContext,
): MailMessage {
  const drivable = damage.drivable ? 'ja' : 'nein';
  return compose(context, {
    to: manager,
    subject: `Schaden gemeldet: ${booking.vehicle.plate}${damage.drivable ? '' : ' – nicht fahrbereit'}`,
    intro: [
      'Zu einem Fahrzeug Ihrer Kommune wurde ein Schaden gemeldet.',
      damage.drivable
        ? 'Laut Meldung ist das Fahrzeug noch fahrbereit.'
        : 'Laut Meldung ist das Fahrzeug nicht mehr fahrbereit. Bitte prüfen Sie, ob es gesperrt werden muss.',
    ],
    facts: [
      ['Beschreibung', damage.description],
      ['Fahrbereit', drivable],
      ['Gebucht von', `${booking.booker.name} <${booking.booker.email}>`],
      ...bookingFacts(booking, context),
    ],
    action: { label: 'Zum Fuhrpark', url: `${context.appUrl.replace(/\/+$/, '')}/fuhrpark` },
  });
}
