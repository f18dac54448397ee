import { describe, expect, it } from 'vitest';
import { LogEvent, Op, Status } from '../protocol/constants';
import { CarSimulator, SMALL_EV } from './car-simulator';
import { BENCH_BOOKING_ID, BENCH_T0, benchBox } from './testing';

function rentedCar(options: { odometerKm?: number; socPercent?: number } = {}) {
  const bench = benchBox();
  const car = new CarSimulator({ box: bench.box, clock: bench.clock, ...options });
  expect(bench.send(bench.commandFrame(Op.UNLOCK)).status).toBe(Status.OK);
  return { ...bench, car };
}

describe('the car simulator', () => {
  it('drives a trip: odometer up, charge down, clock on, ignition records for the booking', () => {
    const { car, box, clock, records } = rentedCar({ odometerKm: 12_345.6, socPercent: 80 });
    car.openDoor();
    car.closeDoor();
    car.ignitionOn();
    expect(car.drive(42, 60)).toBe(42);
    car.ignitionOff();
    expect(clock.now()).toBe(BENCH_T0 + 42 * 60);
    expect(box.car.odometer).toBe(123_456 + 420);
    // 80 % of 42 kWh = 33.6 kWh, less 42 km × 16 kWh/100 km = 6.72 kWh → 26.88 kWh = 64 %.
    expect(car.energyKWh).toBeCloseTo(26.88, 9);
    expect(box.car.soc).toBe(64);
    expect(records().map((r) => [r.event, r.at - BENCH_T0, r.odometer, r.soc])).toEqual([
      [LogEvent.UNLOCKED, 0, 123_456, 80],
      [LogEvent.IGNITION_ON, 0, 123_456, 80],
      [LogEvent.IGNITION_OFF, 2520, 123_876, 64],
    ]);
    for (const record of records().slice(1)) expect(record.bookingId).toEqual(BENCH_BOOKING_ID);
  });

  it('stops when the battery is empty and says how far it got', () => {
    const { car, box } = rentedCar({ socPercent: 10 });
    car.openDoor();
    car.ignitionOn();
    const reach = (SMALL_EV.batteryKWh * 0.1 * 100) / SMALL_EV.consumptionKWhPer100Km;
    expect(car.drive(500, 100)).toBeCloseTo(reach, 9);
    expect(box.car.soc).toBe(0);
    expect(car.drive(10, 50)).toBe(0);
  });

  it('charges at a station: charge rises, capped at full, with started and stopped records', () => {
    const { car, box, clock, records } = rentedCar({ socPercent: 50 });
    car.startCharging();
    car.charge(60, 11);
    // 21 kWh + 11 kWh × 0.9 = 30.9 kWh of 42 → 73 %.
    expect(box.car.soc).toBe(73);
    car.charge(600, 11);
    expect(box.car.soc).toBe(100);
    car.stopCharging();
    expect(clock.now()).toBe(BENCH_T0 + 660 * 60);
    expect(records().map((r) => [r.event, r.soc])).toEqual([
      [LogEvent.UNLOCKED, 50],
      [LogEvent.CHARGING_STARTED, 50],
      // Nobody opened a door within 120 s: the auto-lock, dated before the charge reading changed.
      [LogEvent.LOCKED, 50],
      [LogEvent.CHARGING_STOPPED, 100],
    ]);
  });

  it('refuses what a real car cannot do', () => {
    const bench = benchBox();
    const car = new CarSimulator({ box: bench.box, clock: bench.clock });
    expect(() => car.openDoor()).toThrow(/locked/);
    expect(() => car.drive(1, 50)).toThrow(/ignition/);
    expect(() => car.charge(1, 11)).toThrow(/plugged/);
    car.ignitionOn();
    expect(() => car.startCharging()).toThrow(/ignition/);
  });

  it('locks by itself when nobody gets in after the unlock', () => {
    const { car, box, records } = rentedCar();
    car.wait(121);
    expect(box.car.locked).toBe(true);
    expect(() => car.openDoor()).toThrow(/locked/);
    expect(records().map((r) => r.event)).toEqual([LogEvent.UNLOCKED, LogEvent.LOCKED]);
  });

  it('cannot end the booking while driving, can once parked', () => {
    const { car, send, commandFrame, records } = rentedCar();
    car.openDoor();
    car.ignitionOn();
    car.drive(5, 30);
    expect(send(commandFrame(Op.END_BOOKING)).status).toBe(Status.VEHICLE_STATE);
    car.ignitionOff();
    car.closeDoor();
    expect(send(commandFrame(Op.END_BOOKING)).status).toBe(Status.OK);
    expect(records().map((r) => r.event)).toEqual([
      LogEvent.UNLOCKED,
      LogEvent.IGNITION_ON,
      LogEvent.COMMAND_REJECTED,
      LogEvent.IGNITION_OFF,
      LogEvent.BOOKING_ENDED,
    ]);
  });
});
