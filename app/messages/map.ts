/** Texts of the station map on the search page (app/(staff)/_map). */
export const mapDe = {
  title: 'Karte der Mobilitätsinseln',
  list: 'Mobilitätsinseln mit freien Fahrzeugen',
  loading: 'Karte wird geladen …',
  free: (count: number) => (count === 1 ? '1 Fahrzeug frei' : `${count} Fahrzeuge frei`),
  marker: (name: string, count: number) =>
    `${name}: ${count === 1 ? '1 Fahrzeug frei' : `${count} Fahrzeuge frei`}`,
  selected: (name: string, municipality: string) => `Gewählt: ${name} (${municipality})`,
  timeline: 'Belegung dieser Station ansehen',
};
