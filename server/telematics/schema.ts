import { z } from 'zod';
import { multiLineText, singleLineText } from '../validation';
import { gatewayFailures, opNames } from './rules';

const hex = (maxBytes: number) =>
  z
    .string()
    .max(maxBytes * 2)
    .regex(/^(?:[0-9a-fA-F]{2})*$/, 'Hexadezimal, zwei Ziffern je Byte.');
const key32 = z
  .string()
  .regex(/^[0-9a-fA-F]{64}$/, '32 Bytes als 64 Hexadezimalziffern.')
  .transform((text) => new Uint8Array(Buffer.from(text, 'hex')));

export const commandInput = z.object({ bookingId: z.uuid(), op: z.enum(opNames) });
export const jobIdInput = z.object({ jobId: z.uuid() });
export const bookingIdInput = z.object({ bookingId: z.uuid() });
export const phoneKeyInput = z.object({ bookingId: z.uuid(), holderPublicKey: key32 });

export const registerGatewayInput = z.object({
  stationId: z.uuid(),
  name: singleLineText({ min: 1, max: 80 }),
});
export const gatewayIdInput = z.object({ gatewayId: z.uuid() });
export const provisionBoxInput = z.object({
  vehicleId: z.uuid(),
  address: z
    .string()
    .regex(/^[0-9A-Fa-f]{2}(:[0-9A-Fa-f]{2}){5}$/, 'Eine Bluetooth-Adresse wie AA:BB:CC:DD:EE:FF.'),
  boxId: z.uuid({ error: 'Eine Box-ID als UUID, z. B. 0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f0.' }).optional(),
  publicKey: key32.optional(),
  firmware: singleLineText({ max: 200 }).optional(),
  /** Puts the new box in the place of the car's current one (which keeps its history). */
  replace: z.boolean().optional(),
});
/** The generation the operator's page showed: a second tab that acted meanwhile makes it stale. */
export const startRotationInput = z.object({ activeGeneration: z.number().int().min(1) });
export const finishRotationInput = z.object({ nextGeneration: z.number().int().min(2) });

// What gateways send (telematics/gateway/CONTRACT.md).
export const pullInput = z.object({ waitMs: z.number().int().min(0).max(30_000) });
export const progressInput = z.object({ jobId: z.uuid(), stage: z.enum(['connecting', 'connected']) });
export const challengeInput = z.object({ jobId: z.uuid(), info: hex(512), challenge: hex(24) });
export const resultInput = z.union([
  z.object({ jobId: z.uuid(), response: hex(102) }),
  z.object({
    jobId: z.uuid(),
    failure: z.enum(gatewayFailures),
    detail: multiLineText({ max: 500 }).optional(),
  }),
]);
export const logCursorInput = z.object({ boxIds: z.array(z.uuid()).max(256) });
export const boxResetInput = z.object({ boxId: z.uuid(), nextSeq: z.number().int().min(1).max(0xffff_ffff) });
export const uploadLogInput = z.object({ boxId: z.uuid(), records: z.array(hex(112)).max(64) });
