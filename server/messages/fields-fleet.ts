import { requestLanguage } from './language';

/** The field messages of the fleet administration (cars, stations), beside fields.ts. */
const de = {
  plate: 'Bitte ein Kennzeichen aus Buchstaben und Ziffern angeben, z. B. L-PM 123E (2 bis 12 Zeichen).',
  plateTaken: 'Dieses Kennzeichen ist bereits einem anderen Fahrzeug zugeordnet.',
  seats: 'Ein Fahrzeug hat 1 bis 9 Sitzplätze.',
  buffer: 'Die Pufferzeit liegt zwischen 0 und 240 Minuten.',
  range: 'Die Reichweite ist eine ganze Zahl von 1 bis 2000 km.',
  battery: 'Die Batteriekapazität ist größer als 0 kWh.',
  batteryNeeded: 'Ein Elektro- oder Hybridfahrzeug braucht die Batteriekapazität.',
  rangeNeeded: 'Ein Elektro- oder Hybridfahrzeug braucht die Reichweite.',
  retiredAfterCommissioned: 'Die Außerdienststellung muss nach der Indienststellung liegen.',
  retireFromToday: 'Die Außerdienststellung kann frühestens heute beginnen.',
  retireAfterCommissioned:
    'Das Fahrzeug ist erst ab diesem Tag in Dienst; die Außerdienststellung muss danach liegen.',
  stationNotFound: 'Diese Station gibt es nicht.',
  municipalityNotFound: 'Diese Kommune gibt es nicht.',
  stationNameTaken: 'In dieser Kommune gibt es bereits eine Station mit diesem Namen.',
  latitude: 'Der Breitengrad liegt zwischen -90 und 90 (z. B. 51.2845).',
  longitude: 'Der Längengrad liegt zwischen -180 und 180 (z. B. 12.5093).',
  chargePoints: 'Die Zahl der Ladepunkte ist eine ganze Zahl von 0 bis 99.',
  stationChangeRefused: (n: number) =>
    `Das Fahrzeug hat noch ${n === 1 ? 'eine kommende Buchung' : `${n} kommende Buchungen`} an der bisherigen Station. Bitte die Station erst danach wechseln oder die Buchungen mit einer Sperrzeit umbuchen.`,
};

const en: typeof de = {
  plate: 'Please enter a plate of letters and digits, e.g. L-PM 123E (2 to 12 characters).',
  plateTaken: 'This plate already belongs to another car.',
  seats: 'A car has 1 to 9 seats.',
  buffer: 'The buffer time is between 0 and 240 minutes.',
  range: 'The range is a whole number from 1 to 2000 km.',
  battery: 'The battery capacity is more than 0 kWh.',
  batteryNeeded: 'An electric or hybrid car needs its battery capacity.',
  rangeNeeded: 'An electric or hybrid car needs its range.',
  retiredAfterCommissioned: 'The retirement must be after the commissioning.',
  retireFromToday: 'The retirement can start today at the earliest.',
  retireAfterCommissioned: 'The car is in service only from this day; the retirement must be after it.',
  stationNotFound: 'This station does not exist.',
  municipalityNotFound: 'This municipality does not exist.',
  stationNameTaken: 'There is already a station of this name in this municipality.',
  latitude: 'The latitude is between -90 and 90 (e.g. 51.2845).',
  longitude: 'The longitude is between -180 and 180 (e.g. 12.5093).',
  chargePoints: 'The number of charge points is a whole number from 0 to 99.',
  stationChangeRefused: (n: number) =>
    `The car still has ${n === 1 ? 'one coming booking' : `${n} coming bookings`} at its current station. Please change the station after them, or move them with a blocked period.`,
};

export const fleetFieldTexts = (): typeof de => (requestLanguage() === 'en' ? en : de);
