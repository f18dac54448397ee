'use client';
import { useRef } from 'react';
import { useMessages } from '../../lib/i18n';
import { useTypedBeforeHydration } from '../../lib/typed-before-hydration';
import { type QuickChoice, quickWindow, type WallWindow, type WindowFieldProblem } from './window';

type Problems = { from?: WindowFieldProblem; to?: WindowFieldProblem };
export type ServerProblems = { from?: string[]; to?: string[] };

const QUICK: QuickChoice[] = ['twoHours', 'afternoon', 'tomorrow'];

/** „Von … bis …“: date and time at both ends, quick choices, and each end's problem beside it. */
export function WhenFields({
  value,
  onChange,
  problems,
  serverProblems,
  timeZone,
  now,
}: {
  /** The page's time, from the server: which quick choices are still open, the same in the first HTML. */
  now: Date;
  value: WallWindow;
  /** The fields that changed: one as typed, several for a quick choice or input typed before hydration. */
  onChange: (change: Partial<WallWindow>) => void;
  problems: Problems;
  serverProblems: ServerProblems;
  timeZone: string;
}) {
  const t = useMessages().search;
  const fields = useRef<HTMLFieldSetElement>(null);
  useTypedBeforeHydration(fields, (typed) => {
    const change: Partial<WallWindow> = {};
    for (const key of ['fromDate', 'fromTime', 'toDate', 'toTime'] as const)
      if (typeof typed[key] === 'string') change[key] = typed[key];
    onChange(change);
  });
  const text = (end: 'from' | 'to'): string | undefined => {
    const problem = problems[end];
    const [date, time] = end === 'from' ? [value.fromDate, value.fromTime] : [value.toDate, value.toTime];
    if (problem === 'gap') return t.problem.gap(date, time);
    if (problem) return t.problem[problem];
    return serverProblems[end]?.join(' ');
  };
  const quickLabel: Record<QuickChoice, string> = {
    twoHours: t.quickTwoHours,
    afternoon: t.quickAfternoon,
    tomorrow: t.quickTomorrow,
  };
  const end = (which: 'from' | 'to') => {
    const message = text(which);
    const id = `search-${which}-problem`;
    const dateKey = which === 'from' ? 'fromDate' : 'toDate';
    const timeKey = which === 'from' ? 'fromTime' : 'toTime';
    const aria = message ? { 'aria-invalid': true as const, 'aria-describedby': id } : {};
    return (
      <div className="grid">
        <label>
          {which === 'from' ? t.fromDate : t.toDate}
          <input
            name={dateKey}
            type="date"
            value={value[dateKey]}
            onChange={(e) => onChange({ [dateKey]: e.target.value })}
            required
            {...aria}
          />
        </label>
        <label>
          {which === 'from' ? t.fromTime : t.toTime}
          <input
            name={timeKey}
            type="time"
            step={300}
            value={value[timeKey]}
            onChange={(e) => onChange({ [timeKey]: e.target.value })}
            required
            {...aria}
          />
        </label>
        {message && (
          <p className="error" id={id}>
            {message}
          </p>
        )}
      </div>
    );
  };
  return (
    <fieldset ref={fields}>
      <legend>{t.when}</legend>
      {end('from')}
      {end('to')}
      <fieldset className="actions">
        <legend>{t.quick}</legend>
        {QUICK.map((choice) => {
          const open = quickWindow(choice, now, timeZone) !== null;
          return (
            <button
              key={choice}
              type="button"
              className="secondary"
              disabled={!open}
              onClick={() => {
                const window = quickWindow(choice, new Date(), timeZone);
                if (window) onChange(window);
              }}
            >
              {quickLabel[choice]}
            </button>
          );
        })}
      </fieldset>
    </fieldset>
  );
}
