import type { TRPC_ERROR_CODE_KEY } from '@trpc/server/rpc';
import { errorCatalogue as catalogue } from './messages/errors';
import type { Language } from './messages/language';

/**
 * One error type for the domain: `AppError(code)`. The table of codes (tRPC code, the sentence in
 * each language, the details' type) is server/messages/errors.ts, beside the other texts.
 */
export type AppErrorCode = keyof typeof catalogue;

/** The details each code carries to the client; undefined for codes whose entry declares none. */
export type AppErrorDetails = {
  [C in AppErrorCode]: (typeof catalogue)[C] extends { details: { readonly detailsType?: infer T } }
    ? T
    : undefined;
};

/** Field-level problems, keyed by input field, in the shape zod's flatten gives. */
export type FieldErrors = Record<string, string[]>;

interface AppErrorOptions {
  fieldErrors?: FieldErrors;
  cause?: unknown;
  /** Overrides the catalogue's sentence where a rule names its own (a policy's limit), in one language or in each. */
  message?: string | Record<Language, string>;
}

/** A code that declares details must be given them; any other takes none (per code of a union). */
type AppErrorArguments<C extends AppErrorCode> = C extends AppErrorCode
  ? AppErrorDetails[C] extends undefined
    ? [options?: AppErrorOptions & { details?: undefined }]
    : [options: AppErrorOptions & { details: AppErrorDetails[C] }]
  : never;

/** What the error formatter adds to a tRPC error's `data`: read on the client by app/lib/errors.ts. */
export interface AppErrorData {
  appCode?: AppErrorCode;
  fieldErrors?: FieldErrors;
  details?: AppErrorDetails[AppErrorCode];
}

export class AppError<C extends AppErrorCode = AppErrorCode> extends Error {
  readonly code: C;
  readonly fieldErrors: FieldErrors | undefined;
  /** Structured facts for the client beside the sentence: the rules broken, the conflicts found. */
  readonly details: AppErrorData['details'];
  readonly #ruleSentence: string | Record<Language, string> | undefined;

  /** The message is German (logs, callers in code); `messageIn` gives the reader's language. */
  constructor(code: C, ...[options = {}]: AppErrorArguments<C>) {
    const sentence = options.message;
    super(typeof sentence === 'object' ? sentence.de : (sentence ?? catalogue[code].de), {
      cause: options.cause,
    });
    this.#ruleSentence = options.message;
    this.details = options.details;
    this.name = 'AppError';
    this.code = code;
    this.fieldErrors = options.fieldErrors;
  }

  get trpcCode(): TRPC_ERROR_CODE_KEY {
    return catalogue[this.code].trpc;
  }

  messageIn(language: Language): string {
    const sentence = this.#ruleSentence;
    if (typeof sentence === 'object') return sentence[language];
    return sentence ?? catalogue[this.code][language];
  }
}

/** What a person reads when the server failed: nothing of the cause, which goes to the log. */
export const internalErrorMessage: Record<Language, string> = {
  de: 'Ein interner Fehler ist aufgetreten. Bitte versuchen Sie es später erneut.',
  en: 'An internal error occurred. Please try again later.',
};

export const invalidInput = (fieldErrors: FieldErrors) => new AppError('INVALID_INPUT', { fieldErrors });

/** The SQLSTATE of a database error, looking through the wrappers drizzle and drivers add. */
export function sqlState(error: unknown): string | undefined {
  for (let current = error; current instanceof Object; current = (current as { cause?: unknown }).cause) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}
