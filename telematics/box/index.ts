/** The reference PMK1 box, its car simulator and the seam a transport drives (see telematics/PROTOCOL.md). */
export { type BoxOptions, REFERENCE_FIRMWARE, ReferenceBox } from './box';
export { type CarModel, CarSimulator, type CarSimulatorOptions, SMALL_EV } from './car-simulator';
export { type CarState, parkedCar } from './car-state';
export { type CheckContext, type CommandCheck, checkCommand, type NonceSlot, nonceIsFresh } from './checks';
export { type Clock, createManualClock, type ManualClock, systemClock } from './clock';
export type { BoxPeripheral } from './peripheral';
export { type BoxProvisioning, type BoxStore, createBoxStore } from './store';
