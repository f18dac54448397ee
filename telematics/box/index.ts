/** The reference PMK1 box, its car simulator and the seam a transport drives (see telematics/PROTOCOL.md). */
export { ReferenceBox } from './box';
export { CarSimulator } from './car-simulator';
export { createManualClock, type ManualClock } from './clock';
export type { BoxPeripheral } from './peripheral';
export { createBoxStore } from './store';
