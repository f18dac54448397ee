/**
 * What the in-test server keeps: the station's boxes, the job queue with its long-poll, and the
 * log records by (boxId, seq). Survives the HTTP server's restarts, as a database would.
 */
import { randomUUID } from 'node:crypto';
import { fromHex, toHex } from '../../protocol/bytes';
import { Op } from '../../protocol/constants';
import type { Job, JobFailure } from '../server-link';
import { type IssuedCommand, revocationEcho, type TestAuthority } from './authority';

export interface RegisteredBox {
  boxId: string;
  address: string;
  publicKey: Uint8Array;
}

interface JobReport {
  job: Job;
  /** The box's status when a verified response came back. */
  status?: string;
  failure?: JobFailure;
  detail?: string;
  /** Why the server refused the response (bad signature, wrong echo). */
  invalid?: string;
  /** performance.now() marks: the benchmark splits the round trip with them. */
  marks: { enqueued: number; pulled?: number; challenged?: number; signed?: number; resulted?: number };
  progress: string[];
}

interface QueuedJob {
  job: Job;
  op: number;
  bookingId: string;
  cancelled: boolean;
  issued?: IssuedCommand;
  report: JobReport;
  settle: (report: JobReport) => void;
}

export class ServerState {
  readonly boxes = new Map<string, RegisteredBox>();
  /** boxId → seq → record hex: stored once, never overwritten. */
  readonly records = new Map<string, Map<number, string>>();
  readonly uploads = { calls: 0, stored: 0, duplicates: 0, rejected: 0 };
  /** `gateway.boxReset` reports: boxes whose log ended below the cursor. */
  readonly resets: { boxId: string; nextSeq: number }[] = [];
  readonly jobs = new Map<string, QueuedJob>();
  private queue: QueuedJob[] = [];
  private waiters = new Set<() => void>();

  constructor(readonly authority: TestAuthority) {}

  addBox(box: RegisteredBox): void {
    this.boxes.set(box.boxId, box);
  }

  /** Queues a relay command, as the web app's Unlock does; resolves when the result is in. */
  command(boxId: string, op: number = Op.UNLOCK, bookingId: string = randomUUID()) {
    return this.enqueue((id, address) => ({ id, kind: 'command', boxId, address }), boxId, op, bookingId);
  }

  revoke(boxId: string, serial: number) {
    const frame = toHex(this.authority.revocation(boxId, serial));
    return this.enqueue(
      (id, address) => ({ id, kind: 'revocation', boxId, address, frame }),
      boxId,
      Op.NONE,
      '',
    );
  }

  cancel(jobId: string): void {
    const queued = this.jobs.get(jobId);
    if (queued) queued.cancelled = true;
  }

  /** Hands out every waiting job once; waits up to `waitMs` for one if there is none. */
  async pull(waitMs: number, signal: AbortSignal | undefined): Promise<Job[]> {
    if (this.queue.length === 0 && waitMs > 0) {
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          this.waiters.delete(done);
          resolve();
        };
        const timer = setTimeout(done, waitMs);
        this.waiters.add(done);
        signal?.addEventListener('abort', done, { once: true });
      });
    }
    // A request whose caller went away must not take jobs with it.
    if (signal?.aborted) return [];
    const taken = this.queue;
    this.queue = [];
    const now = performance.now();
    for (const q of taken) q.report.marks.pulled = now;
    return taken.map((q) => q.job);
  }

  /** Ends every long-poll at once, as a server going down does. */
  wakeAll(): void {
    for (const wake of [...this.waiters]) wake();
  }

  progress(jobId: string, stage: string): void {
    this.jobs.get(jobId)?.report.progress.push(stage);
  }

  challenge(jobId: string, info: string, challenge: string): string | { refused: string } {
    const queued = this.jobs.get(jobId);
    if (!queued || queued.cancelled || queued.job.kind !== 'command')
      return { refused: 'job cancelled or unknown' };
    queued.report.marks.challenged = performance.now();
    const issued = this.authority.commandFor(
      queued.job.boxId,
      fromHex(info),
      fromHex(challenge),
      queued.op,
      queued.bookingId,
    );
    if (typeof issued === 'string') return { refused: issued };
    queued.issued = issued;
    queued.report.marks.signed = performance.now();
    return toHex(issued.frame);
  }

  result(jobId: string, outcome: { response: string } | { failure: JobFailure; detail?: string }): boolean {
    const queued = this.jobs.get(jobId);
    if (!queued) return false;
    const { report } = queued;
    report.marks.resulted = performance.now();
    if ('failure' in outcome) {
      report.failure = outcome.failure;
      report.detail = outcome.detail;
    } else {
      const box = this.boxes.get(queued.job.boxId);
      const sent =
        queued.job.kind === 'revocation' ? revocationEcho(fromHex(queued.job.frame)) : queued.issued;
      const checked =
        box && sent
          ? this.authority.checkResponse(fromHex(outcome.response), box.publicKey, sent)
          : 'no command was issued';
      if (typeof checked === 'string') report.invalid = checked;
      else report.status = checked.status;
    }
    this.jobs.delete(jobId);
    queued.settle(report);
    return true;
  }

  upload(boxId: string, records: string[]) {
    this.uploads.calls += 1;
    const box = this.boxes.get(boxId);
    const held = this.recordsOf(boxId);
    let stored = 0;
    let duplicates = 0;
    let rejected = 0;
    for (const hex of records) {
      const record = box && this.authority.checkRecord(fromHex(hex), boxId, box.publicKey);
      if (!record) rejected += 1;
      else if (held.get(record.seq) === hex) duplicates += 1;
      else if (held.has(record.seq))
        rejected += 1; // same seq, other bytes: the first one stands
      else {
        held.set(record.seq, hex);
        stored += 1;
      }
    }
    this.uploads.stored += stored;
    this.uploads.duplicates += duplicates;
    this.uploads.rejected += rejected;
    return { stored, duplicates, rejected, nextSeq: this.cursor(boxId) };
  }

  /** The seq after the newest gap-free record held. */
  cursor(boxId: string): number {
    const held = this.recordsOf(boxId);
    let seq = 1;
    while (held.has(seq)) seq += 1;
    return seq;
  }

  private recordsOf(boxId: string): Map<number, string> {
    let held = this.records.get(boxId);
    if (!held) {
      held = new Map();
      this.records.set(boxId, held);
    }
    return held;
  }

  private enqueue(make: (id: string, address: string) => Job, boxId: string, op: number, bookingId: string) {
    const box = this.boxes.get(boxId);
    if (!box) throw new Error(`box ${boxId} is not registered`);
    const job = make(randomUUID(), box.address);
    let settle: (report: JobReport) => void = () => {};
    const done = new Promise<JobReport>((resolve) => {
      settle = resolve;
    });
    const report: JobReport = { job, marks: { enqueued: performance.now() }, progress: [] };
    const queued: QueuedJob = { job, op, bookingId, cancelled: false, report, settle };
    this.jobs.set(job.id, queued);
    this.queue.push(queued);
    this.wakeAll();
    return { id: job.id, done };
  }
}
