'use client';
import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '@/server/root';
import { useMessages } from '../../../lib/i18n';
import styles from './car.module.css';

export type Job = inferRouterOutputs<AppRouter>['telematics']['job'];

const steps = ['queued', 'connecting', 'connected', 'challenged'] as const;
type Step = (typeof steps)[number];

/** Where a running job stands, as one of the steps the person watches go by. */
function currentStep(job: Job): Step | 'finished' {
  if (job.state === 'queued') return 'queued';
  if (job.state === 'sent') return job.stage === 'connected' ? 'connected' : 'connecting';
  if (job.state === 'challenged') return 'challenged';
  return 'finished';
}

export const isFinished = (job: Job | undefined) => job?.state === 'done' || job?.state === 'failed';
export const isOk = (job: Job | undefined) => job?.state === 'done' && job.status === 'OK';

/** Live progress of a command: the steps so far, then the box's answer or the reason it failed. */
export function JobProgress({ job }: { job: Job | undefined }) {
  const t = useMessages().car;
  if (!job) return <p role="status">{t.stages.queued}</p>;
  const step = currentStep(job);
  if (step !== 'finished') {
    const at = steps.indexOf(step);
    return (
      <ol className={styles.steps} aria-live="polite">
        {steps.slice(0, at + 1).map((s, i) => (
          <li key={s} data-state={i < at ? 'done' : 'current'} role={i === at ? 'status' : undefined}>
            {i < at ? '✓ ' : ''}
            {t.stages[s]}
          </li>
        ))}
      </ol>
    );
  }
  if (isOk(job))
    return (
      <p className="notice" role="status">
        {t.answered} {job.reason}
      </p>
    );
  return (
    <p className="error" role="alert">
      {job.state === 'done' ? t.refused : t.failed} {job.reason}
    </p>
  );
}
