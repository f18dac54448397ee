import { z } from 'zod';

export const createBookingInput = z.object({
  vehicleId: z.uuid(),
  from: z.date(),
  to: z.date(),
  purpose: z.string().trim().max(200).optional(),
});

export const bookingIdInput = z.object({ id: z.uuid() });

export type CreateBookingInput = z.infer<typeof createBookingInput>;
