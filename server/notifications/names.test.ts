import { describe, expect, it } from 'vitest';
import { readRegion } from '@/db/region';
import { bookingFeed } from '../calendar/ics';
import { calendarOptions, sampleBooking } from '../calendar/test-support';
import { bookingConfirmation } from './booking-mails';

// Another region deploys with its own file: its names, not ours, must reach people.
const muldental = {
  ...calendarOptions,
  appUrl: 'https://mobil.muldental.example',
  organizer: { name: 'Muldentalmobil', email: 'noreply@muldental.example' },
  productName: 'Muldentalmobil',
  operatorName: 'Muldental Mobil GmbH',
};

describe('product and operator names come from the region, not the code', () => {
  it('signs mails and names calendar files with the region’s product and operator', () => {
    const mail = bookingConfirmation(sampleBooking(), muldental);
    expect(mail.text).toContain('Ihr Muldentalmobil');
    expect(mail.text).toContain('automatisch von Muldentalmobil versandt');
    expect(mail.html).toContain('Ihr Muldentalmobil');
    expect(mail.icalEvent?.content).toContain('PRODID:-//Muldental Mobil GmbH//Muldentalmobil//DE');
    const feed = bookingFeed([sampleBooking()], muldental);
    expect(feed).toContain('X-WR-CALNAME:Muldentalmobil – Meine Buchungen');
    expect(`${mail.text}${mail.html}${feed}`).not.toMatch(/partheland/i);
  });

  it('reads the names from the region file', async () => {
    const region = await readRegion('db/regions/partheland.json');
    expect(region).toMatchObject({
      productName: 'ParthelandMobil',
      operatorName: 'Betreibergesellschaft Partheland mbH',
    });
  });
});
