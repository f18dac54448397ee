/** PMK1: frames, characteristic payloads and Ed25519, as pure functions (see telematics/PROTOCOL.md). */
export * from './bytes';
export * from './certificate';
export * from './characteristics';
export * from './command';
export * from './constants';
export * from './decoded';
export * from './ed25519';
export * from './frame';
export * from './log-paging';
export * from './log-record';
export * from './response';
export * from './revocation';
export * from './trust-anchor';
