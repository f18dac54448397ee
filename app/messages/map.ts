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
  /** The station form's position picker (app/(staff)/_map/position-picker.tsx). */
  picker: {
    title: 'Position auf der Karte',
    hint: 'Ein Klick in die Karte setzt Breiten- und Längengrad. Die Markierung lässt sich mit den Pfeiltasten verschieben (mit Umschalt in kleinen Schritten); die Felder bleiben die Eingabe per Tastatur.',
    marker: (latitude: string, longitude: string) =>
      `Position der Station: ${latitude}, ${longitude} (mit den Pfeiltasten verschieben)`,
  },
};
