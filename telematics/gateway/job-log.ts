import { fromHex } from '../protocol/bytes';
import { statusName } from '../protocol/constants';
import { decodeResponse } from '../protocol/response';
import type { JobOutcome } from './jobs';
import type { LogEntry } from './log';
import type { Job } from './server-link';

/** The one line a job leaves in the journal. */
export function jobLogEntry(job: Job, outcome: JobOutcome): LogEntry {
  const { result, timings, delivered } = outcome;
  const base = {
    event: 'job',
    jobId: job.id,
    kind: job.kind,
    boxId: job.boxId,
    address: job.address,
    ms: Math.round(timings.totalMs),
    bleMs: Math.round(timings.bleMs),
    serverMs: Math.round(timings.serverMs),
    delivered,
  };
  if ('failure' in result) {
    return { level: 'warn', ...base, failure: result.failure, detail: result.detail };
  }
  // The gateway only carries the response; the box's status is decoded here for the journal alone.
  const response = decodeResponse(fromHex(result.response));
  const status = response.ok ? statusName(response.frame.status) : `undecodable (${response.error})`;
  return { level: delivered ? 'info' : 'warn', ...base, status };
}
