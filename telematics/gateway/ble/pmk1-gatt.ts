/** The PMK1 characteristics by the names this transport uses for them; the UUIDs are the protocol's. */
import { FrameType, GattUuid } from '../../protocol/constants';

export const PMK1_SERVICE = GattUuid.SERVICE;

export const PMK1_CHARACTERISTICS = {
  info: GattUuid.INFO,
  challenge: GattUuid.CHALLENGE,
  command: GattUuid.COMMAND,
  response: GattUuid.RESPONSE,
  logControl: GattUuid.LOG_CONTROL,
  logData: GattUuid.LOG_DATA,
} as const;

export type Pmk1Characteristic = keyof typeof PMK1_CHARACTERISTICS;

/**
 * Ends a log page. Only the type byte is looked at: a damaged end frame still ends the page here,
 * and the caller finds the damage when it decodes it, instead of waiting for a timeout.
 */
export function isLogEnd(frame: Uint8Array): boolean {
  return frame[1] === FrameType.LOG_END;
}
