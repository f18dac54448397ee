'use client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { type ChangeEvent, type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { detailsOf, problemOf } from '../../../../lib/errors';
import { useMessages } from '../../../../lib/i18n';
import { useTRPC } from '../../../../lib/trpc';
import { useTypedBeforeHydration } from '../../../../lib/typed-before-hydration';
import styles from '../../../manage.module.css';
import { FormField } from '../../form-field';

/** A CSV file (chosen or pasted) imported all or nothing; a refusal lists each faulty line by its number. */
export function ImportForm() {
  const messages = useMessages();
  const t = messages.people.import;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const formId = useId();
  const form = useRef<HTMLFormElement>(null);
  const result = useRef<HTMLDivElement>(null);
  const [csv, setCsv] = useState('');
  useTypedBeforeHydration(form, (typed) => {
    if (typeof typed.csv === 'string') setCsv(typed.csv);
  });
  const run = useMutation(
    trpc.people.import.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries(trpc.people.list.queryFilter()),
    }),
  );
  useEffect(() => {
    if (run.data || run.error) result.current?.focus();
  }, [run.data, run.error]);
  const problem = run.error ? problemOf(run.error) : null;
  const lines = run.error ? detailsOf(run.error, 'IMPORT_REFUSED')?.lines : undefined;

  async function choose(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (file) setCsv(await file.text());
  }
  function submit(event: FormEvent) {
    event.preventDefault();
    run.mutate({ csv });
  }

  return (
    <>
      <p>
        <Link href="/fuhrpark/personen">{messages.people.person.back}</Link>
      </p>
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      <div ref={result} tabIndex={-1}>
        {run.data && (
          <p className="notice" role="status">
            {t.done(run.data.invited)}
          </p>
        )}
        {problem && (
          <div role="alert">
            <p className="error">{problem.message}</p>
            {lines && (
              <>
                <h2>{t.lineProblems}</h2>
                <ul>
                  {lines.map((line) => (
                    <li key={line.line}>
                      {t.line(line.line)}: {line.problems.join(' ')}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </div>
        )}
      </div>
      <form ref={form} className={`panel ${styles.stack}`} onSubmit={submit} aria-label={t.title} noValidate>
        <label>
          {t.file}
          <input type="file" accept=".csv,text/csv" onChange={choose} />
        </label>
        <FormField formId={formId} name="csv" label={t.text} errors={problem?.fields.csv} wide>
          {(control) => (
            <textarea {...control} rows={8} value={csv} onChange={(event) => setCsv(event.target.value)} />
          )}
        </FormField>
        <div className="actions">
          <button type="submit" disabled={run.isPending}>
            {t.submit}
          </button>
        </div>
      </form>
    </>
  );
}
