import { TRPCClientError } from '@trpc/client';
import { de } from '../messages/de';

/** The server's German message and its field errors, from whatever a mutation or query threw. */
export function problemOf(error: unknown): { message: string; fields: Record<string, string[]> } {
  if (error instanceof TRPCClientError) {
    const data = error.data as { fieldErrors?: Record<string, string[]> } | undefined;
    return { message: error.message, fields: data?.fieldErrors ?? {} };
  }
  return { message: de.errors.generic, fields: {} };
}
