/** Fleet sizing from observed demand: the rule in plain code (the report runs it in SQL, sizing-queries.ts). */

export const SLOT_MS = 15 * 60_000;

/** The shares of requested time the report sizes for. */
export const servedShares = [0.95, 0.99] as const;

/**
 * The fewest cars that would have served `share` of the requested time: the smallest N with
 * Σ min(d(s), N) ≥ share × Σ d(s), where d(s) is the demand (cars wanted at once) in slot s. A
 * slot wanting more than N cars is served N of them; the rest of its requested time goes unserved.
 * No demand at all needs no car.
 */
export function carsNeeded(demand: readonly number[], share: number): number {
  const total = demand.reduce((sum, d) => sum + d, 0);
  let cars = 0;
  const served = (n: number) => demand.reduce((sum, d) => sum + Math.min(d, n), 0);
  // Compared in whole slot-hundredths so 0.95 × 20 is 19, not 18.999…
  while (served(cars) * 100 < Math.round(share * 100) * total) cars++;
  return cars;
}

/**
 * The monthly fixed costs a reduction to `keep` cars would save: the cheapest cars go first (the
 * saving is not overstated by retiring the dearest), and never fewer cars than zero.
 */
export function savingOf(monthlyFixedCosts: readonly number[], keep: number): number {
  const surplus = Math.max(0, monthlyFixedCosts.length - keep);
  const cheapest = [...monthlyFixedCosts].sort((a, b) => a - b).slice(0, surplus);
  return Math.round(cheapest.reduce((sum, cost) => sum + cost, 0) * 100) / 100;
}

/** The method as the page shows it. */
export const sizingMethod = {
  slots:
    'Der Zeitraum wird in Viertelstunden geteilt. Je Station ist der Bedarf einer Viertelstunde d(s) die Zahl der Buchungen (außer stornierten), die diese Viertelstunde berühren, plus die erfolglosen Suchen, die sie wollten.',
  unmet:
    'Erfolglose Suchen werden je Station und Viertelstunde ohne Personenbezug gezählt; sucht dieselbe Person innerhalb einer Stunde erneut nach derselben Viertelstunde, zählt das einmal.',
  needed:
    'Benötigte Fahrzeuge für q % = kleinste Zahl N, mit der Σ min(d(s), N) ≥ q × Σ d(s) gilt: mit N Fahrzeugen wäre q % der gewünschten Zeit bedient worden.',
  region:
    'Region: Summe der Stationen, denn jedes Fahrzeug steht an seiner Station; Bedarf an einer Station wird nicht durch ein freies Fahrzeug an einer anderen gedeckt.',
  cars: 'Vorhanden: Fahrzeuge der Station, die im Zeitraum in Betrieb waren.',
  saving:
    'Einsparung: monatliche Fixkosten (Leasing/Abschreibung, Versicherung, Steuer, Boxgebühr, Sonstiges; Satz am letzten Tag des Zeitraums) der günstigsten Fahrzeuge, die über den Bedarf hinaus vorhanden sind.',
} as const;
