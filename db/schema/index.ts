export * from './auth';
export * from './bookings';
export * from './fleet';
export * from './telematics';
