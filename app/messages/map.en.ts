/** The English twins of ./map.ts; imported into en.ts only, so German pages do not carry them. */
import type { mapDe } from './map';

export const mapEn: typeof mapDe = {
  title: 'Map of the mobility islands',
  list: 'Mobility islands with free vehicles',
  loading: 'Loading the map …',
  free: (count: number) => (count === 1 ? '1 vehicle free' : `${count} vehicles free`),
  marker: (name: string, count: number) =>
    `${name}: ${count === 1 ? '1 vehicle free' : `${count} vehicles free`}`,
  selected: (name: string, municipality: string) => `Selected: ${name} (${municipality})`,
  timeline: 'See this station’s bookings',
  picker: {
    title: 'Position on the map',
    hint: 'A click on the map sets latitude and longitude. The arrow keys move the marker (with Shift in small steps); the fields remain the keyboard input.',
    marker: (latitude: string, longitude: string) =>
      `Station position: ${latitude}, ${longitude} (move with the arrow keys)`,
  },
};
