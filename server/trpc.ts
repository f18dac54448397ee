import { initTRPC, type TRPC_ERROR_CODE_KEY, TRPCError } from '@trpc/server';
import superjson from 'superjson';
import { z } from 'zod';
import type { Db } from '@/db/client';
import type { Role, SessionUser } from './auth/queries';
import {
  AppError,
  type AppErrorCode,
  type AppErrorData,
  type FieldErrors,
  internalErrorMessage,
} from './errors';
import type { Logger } from './logger';
import { fieldIssue } from './messages/field-issues';
import { defaultLanguage, inLanguage, type Language, requestLanguage } from './messages/language';
import type { Settings } from './settings';

// Field messages of input validation in the request's language: plain words first, zod's locale for the rest.
const englishLocale = z.locales.en().localeError;
z.config(z.locales.de());
z.config({
  customError: (issue) => {
    const language = requestLanguage();
    return fieldIssue(issue, language) ?? (language === 'en' ? englishLocale(issue) : undefined);
  },
});

export interface Context {
  db: Db;
  user: SessionUser | null;
  /** The raw Authorization header: gateways authenticate with a bearer token, not a session. */
  authorization?: string | null;
  /** Where the request came from (auth/client-address.ts): what per-address limits count by. */
  clientAddress?: string;
  /** The request's logger: every line carries its request id. */
  log: Logger;
  /** Time zone, address and names of this deployment, read once a process. */
  settings: Settings;
  /** The language of the answer's sentences: the person's own, else the browser's (messages/language.ts). */
  language: Language;
}

/** The catalogue entry for each refusal tRPC itself makes before a procedure runs. */
const protocolErrors = {
  PARSE_ERROR: 'MALFORMED_REQUEST',
  BAD_REQUEST: 'MALFORMED_REQUEST',
  NOT_FOUND: 'UNKNOWN_PROCEDURE',
  METHOD_NOT_SUPPORTED: 'METHOD_NOT_ALLOWED',
  UNSUPPORTED_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  PAYLOAD_TOO_LARGE: 'REQUEST_TOO_LARGE',
} as const satisfies Partial<Record<TRPC_ERROR_CODE_KEY, AppErrorCode>>;
type ProtocolErrorCode = (typeof protocolErrors)[keyof typeof protocolErrors] | 'REQUEST_REFUSED';

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error, ctx }) {
    const language = ctx?.language ?? defaultLanguage;
    let fieldErrors: FieldErrors | undefined;
    let appCode: AppErrorData['appCode'];
    let details: AppErrorData['details'];
    if (error.cause instanceof z.ZodError) {
      fieldErrors = z.flattenError(error.cause).fieldErrors as FieldErrors;
      appCode = 'INVALID_INPUT';
    } else if (error.cause instanceof AppError) {
      fieldErrors = error.cause.fieldErrors;
      appCode = error.cause.code;
      details = error.cause.details;
    }
    // tRPC's own refusals (unparsable input, unknown path, wrong method) carry its internal text,
    // and internal errors their cause: the answer gets a neutral sentence and code, the log the rest.
    let message = shape.message;
    if (error.code === 'INTERNAL_SERVER_ERROR') message = internalErrorMessage[language];
    else if (appCode === undefined) {
      const code: ProtocolErrorCode =
        (protocolErrors as Partial<Record<TRPC_ERROR_CODE_KEY, ProtocolErrorCode>>)[error.code] ??
        'REQUEST_REFUSED';
      appCode = code;
      message = new AppError(code).messageIn(language);
    } else if (appCode === 'INVALID_INPUT') message = new AppError(appCode).messageIn(language);
    return { ...shape, message, data: { ...shape.data, appCode, fieldErrors, details, stack: undefined } };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Domain code throws AppError; here it becomes the tRPC error its code maps to, in the reader's language. */
const appErrors = t.middleware(async ({ ctx, next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof AppError) {
    const cause = result.error.cause;
    throw new TRPCError({ code: cause.trpcCode, message: cause.messageIn(ctx.language), cause });
  }
  return result;
});

/** The input's field messages are made while it is parsed, after this: in the request's language. */
const requestLanguageForFields = t.middleware(({ ctx, next }) => inLanguage(ctx.language, next));

export const publicProcedure = t.procedure.use(appErrors).use(requestLanguageForFields);

const withRole = (roles: readonly Role[]) =>
  publicProcedure.use(({ ctx, next }) => {
    if (!ctx.user) throw new AppError('UNAUTHENTICATED');
    if (!roles.includes(ctx.user.role)) throw new AppError('FORBIDDEN_ROLE');
    return next({ ctx: { ...ctx, user: ctx.user } });
  });

/** Anyone signed in: fleet managers and the operator book cars too. */
export const staffProcedure = withRole(['staff', 'fleet_manager', 'operator']);
export const fleetManagerProcedure = withRole(['fleet_manager', 'operator']);
export const operatorProcedure = withRole(['operator']);
