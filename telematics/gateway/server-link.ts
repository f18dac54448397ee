/**
 * The gateway's side of CONTRACT.md: one method per `gateway.*` procedure, with the contract's
 * shapes (frames as lowercase hex). The HTTP implementation is http-server-link.ts; the embedded
 * demo may implement it in-process, and must then throw ServerLinkError as described below.
 */

export interface StationBox {
  boxId: string;
  /** Bluetooth MAC, `AA:BB:CC:DD:EE:FF`. */
  address: string;
}

export type Job =
  | { id: string; kind: 'command'; boxId: string; address: string }
  | { id: string; kind: 'revocation'; boxId: string; address: string; frame: string }
  /** A trust anchor update of a CA rotation: written and answered as a revocation is. */
  | { id: string; kind: 'trust'; boxId: string; address: string; frame: string };

export type JobStage = 'connecting' | 'connected';

export type JobFailure = 'NOT_IN_RANGE' | 'LINK_DROPPED' | 'TIMEOUT' | 'BLUETOOTH' | 'EXPIRED';

export type JobResult =
  | { jobId: string; response: string }
  | { jobId: string; failure: JobFailure; detail?: string };

interface LogCursor {
  boxId: string;
  nextSeq: number;
}

export interface UploadOutcome {
  stored: number;
  duplicates: number;
  rejected: number;
  /** The server's cursor for the box after this upload. */
  nextSeq: number;
}

export interface ServerLink {
  boxes(): Promise<{ stationId: string; boxes: StationBox[] }>;
  /** Long-poll; `signal` ends it early when the gateway stops. */
  pull(input: { waitMs: number }, signal?: AbortSignal): Promise<{ jobs: Job[] }>;
  progress(input: { jobId: string; stage: JobStage }): Promise<void>;
  challenge(input: { jobId: string; info: string; challenge: string }): Promise<{ command: string }>;
  result(input: JobResult): Promise<void>;
  logCursor(input: { boxIds: string[] }): Promise<{ cursors: LogCursor[] }>;
  /** At most UPLOAD_BATCH records per call. */
  uploadLog(input: { boxId: string; records: string[] }): Promise<UploadOutcome>;
  /**
   * Optional (CONTRACT.md): tells the server a box's log ends below its cursor, so an operator
   * learns of a wiped or replaced box. A link without it leaves that to the gateway's own log.
   */
  boxReset?(input: { boxId: string; nextSeq: number }): Promise<void>;
}

/** The contract's limit on records per `gateway.uploadLog`. */
export const UPLOAD_BATCH = 64;
/** The contract's limit on `waitMs`. */
export const MAX_PULL_WAIT_MS = 30_000;

export type ServerLinkErrorKind =
  /** No answer, a 5xx, or an answer of the wrong shape: worth retrying later. */
  | 'UNAVAILABLE'
  /** The server answered and said no (a 4xx other than 401): retrying the same call will not help. */
  | 'REFUSED'
  /** The token is missing, unknown or revoked: only an operator can fix it, so keep retrying slowly. */
  | 'UNAUTHORIZED';

export class ServerLinkError extends Error {
  constructor(
    readonly kind: ServerLinkErrorKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'ServerLinkError';
  }
}

/** Whatever a ServerLink throws that is not a ServerLinkError counts as the server being unavailable. */
export function isRefusal(error: unknown): boolean {
  return error instanceof ServerLinkError && error.kind === 'REFUSED';
}
