/**
 * A car around a ReferenceBox: doors, ignition, driving and charging, with simple physics. It owns
 * the manual clock, because driving and charging take time; everything is deterministic.
 */
import type { ReferenceBox } from './box';
import type { ManualClock } from './clock';

export interface CarModel {
  batteryKWh: number;
  consumptionKWhPer100Km: number;
  /** Share of the energy from the station that ends up in the battery. */
  chargeEfficiency: number;
}

/** A small electric pool car. */
export const SMALL_EV: CarModel = { batteryKWh: 42, consumptionKWhPer100Km: 16, chargeEfficiency: 0.9 };

export interface CarSimulatorOptions {
  box: ReferenceBox;
  clock: ManualClock;
  model?: CarModel;
  odometerKm?: number;
  socPercent?: number;
}

export class CarSimulator {
  readonly #box: ReferenceBox;
  readonly #clock: ManualClock;
  readonly #model: CarModel;
  #meters: number;
  #energyKWh: number;

  constructor(options: CarSimulatorOptions) {
    this.#box = options.box;
    this.#clock = options.clock;
    this.#model = options.model ?? SMALL_EV;
    this.#meters = (options.odometerKm ?? 0) * 1000;
    const soc = options.socPercent ?? 100;
    if (!(soc >= 0 && soc <= 100)) throw new RangeError('socPercent is 0..100');
    this.#energyKWh = (this.#model.batteryKWh * soc) / 100;
    this.#report();
  }

  get odometerKm(): number {
    return this.#meters / 1000;
  }

  get energyKWh(): number {
    return this.#energyKWh;
  }

  /** Whole percent, as the box reports it. */
  get socPercent(): number {
    return Math.floor((this.#energyKWh / this.#model.batteryKWh) * 100 + 1e-9);
  }

  openDoor(): void {
    this.#box.tick();
    if (this.#box.car.locked) throw new Error('the car is locked: the door does not open');
    this.#box.doorChanged(true);
  }

  closeDoor(): void {
    this.#box.doorChanged(false);
  }

  ignitionOn(): void {
    if (this.#box.car.charging) throw new Error('unplug the charger first');
    this.#box.ignitionChanged(true);
  }

  ignitionOff(): void {
    this.#box.ignitionChanged(false);
  }

  /**
   * Drives `km` at `kmh`, moving the clock by the driving time. Stops early when the battery runs
   * empty; returns the kilometres actually driven.
   */
  drive(km: number, kmh: number): number {
    if (!this.#box.car.ignitionOn) throw new Error('the ignition is off');
    if (!(km >= 0) || !(kmh > 0)) throw new RangeError('drive needs km ≥ 0 and kmh > 0');
    const reachKm = (this.#energyKWh / this.#model.consumptionKWhPer100Km) * 100;
    const driven = Math.min(km, reachKm);
    this.#clock.advance(Math.round((driven / kmh) * 3600));
    this.#meters += driven * 1000;
    this.#energyKWh = Math.max(0, this.#energyKWh - (driven * this.#model.consumptionKWhPer100Km) / 100);
    this.#report();
    return driven;
  }

  startCharging(): void {
    if (this.#box.car.ignitionOn) throw new Error('switch the ignition off before charging');
    this.#box.chargingChanged(true);
  }

  /** Charges at `kw` for `minutes` (clock moves with it); the battery stops at full. */
  charge(minutes: number, kw: number): void {
    if (!this.#box.car.charging) throw new Error('not plugged in');
    if (!(minutes >= 0) || !(kw > 0)) throw new RangeError('charge needs minutes ≥ 0 and kw > 0');
    this.#clock.advance(Math.round(minutes * 60));
    const added = ((kw * minutes) / 60) * this.#model.chargeEfficiency;
    this.#energyKWh = Math.min(this.#model.batteryKWh, this.#energyKWh + added);
    this.#report();
  }

  stopCharging(): void {
    this.#box.chargingChanged(false);
  }

  /** Lets time pass with nothing happening in the car (the box may auto-lock meanwhile). */
  wait(seconds: number): void {
    this.#clock.advance(seconds);
    this.#box.tick();
  }

  #report(): void {
    this.#box.readingsChanged({ odometer: Math.floor(this.#meters / 100 + 1e-9), soc: this.socPercent });
  }
}
