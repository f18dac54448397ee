export * from './auth';
export * from './blocks';
export * from './bookings';
export * from './calendar';
export * from './fleet';
export * from './notifications';
export * from './policies';
export * from './telematics';
