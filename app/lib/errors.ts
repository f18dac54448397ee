import { TRPCClientError } from '@trpc/client';
import type { AppErrorCode, AppErrorData, AppErrorDetails, FieldErrors } from '@/server/errors';
import { deStaff } from '../messages/de-staff';

/** What the server's error formatter (server/trpc.ts) wrote into the error, if it is a tRPC error. */
function appDataOf(error: unknown): AppErrorData | undefined {
  if (!(error instanceof TRPCClientError)) return undefined;
  const data: unknown = error.data;
  if (typeof data !== 'object' || data === null) return undefined;
  // The formatter writes this shape; its types come from the server's error table.
  return data as AppErrorData;
}

/** The server's German message, its app code and its field errors, from whatever a call threw. */
export function problemOf(error: unknown): {
  message: string;
  code: AppErrorCode | undefined;
  fields: FieldErrors;
} {
  if (!(error instanceof TRPCClientError))
    return { message: deStaff.errors.generic, code: undefined, fields: {} };
  const data = appDataOf(error);
  return { message: error.message, code: data?.appCode, fields: data?.fieldErrors ?? {} };
}

/** The details of an error with this code (e.g. a series' conflicting dates); undefined for any other. */
export function detailsOf<C extends AppErrorCode>(error: unknown, code: C): AppErrorDetails[C] | undefined {
  const data = appDataOf(error);
  // The server sends the details its code declares (AppError's constructor checks that per code).
  return data?.appCode === code ? (data.details as AppErrorDetails[C]) : undefined;
}
