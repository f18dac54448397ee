'use client';
import { useQuery } from '@tanstack/react-query';
import { useLanguage, useMessages } from '../../../lib/i18n';
import { useTRPC } from '../../../lib/trpc';
import styles from '../compliance.module.css';
import { formatDay, ScrollTable } from '../compliance-fields';
import { InspectionForm } from './inspection-form';
import { InstructionForm } from './instruction-form';

/** UVV per DGUV Vorschrift 70: the cars' yearly inspections (§ 57) and the drivers' instructions (§ 35). */
export function UvvView() {
  const messages = useMessages();
  const language = useLanguage();
  const t = messages.compliance;
  const trpc = useTRPC();
  const cars = useQuery(trpc.inspections.overview.queryOptions());
  const people = useQuery(trpc.instructions.overview.queryOptions());
  const settings = useQuery(trpc.region.settings.queryOptions());
  const timeZone = settings.data?.timeZone;
  if (!cars.data || !people.data || !timeZone) return <p>{messages.errors.loading}</p>;
  const day = (value: string | null) => (value ? formatDay(value, language) : t.never);
  const badge = (state: string) => (state === 'valid' || state === 'due' ? 'badge' : 'badge cancelled');

  return (
    <>
      <h1>{t.uvv.title}</h1>
      <p className="hint">{t.uvv.intro}</p>
      <section aria-labelledby="uvv-cars">
        <h2 id="uvv-cars">{t.uvv.carsTitle}</h2>
        <ScrollTable label={t.uvv.carsTitle}>
          <table className={styles.table}>
            <thead>
              <tr>
                <th scope="col">{t.uvv.vehicle}</th>
                <th scope="col">{t.uvv.lastInspection}</th>
                <th scope="col">{t.uvv.result}</th>
                <th scope="col">{t.dueOn}</th>
                <th scope="col">{t.state}</th>
              </tr>
            </thead>
            <tbody>
              {cars.data.map((car) => (
                <tr key={car.id} data-vehicle={car.id}>
                  <th scope="row">
                    {car.plate} · {car.make} {car.model}
                  </th>
                  <td>{car.inspectedOn ? `${day(car.inspectedOn)}, ${car.inspector}` : t.never}</td>
                  <td>
                    {car.result ? t.uvv.results[car.result] : t.never}
                    {car.defects ? `: ${car.defects}` : ''}
                  </td>
                  <td>{day(car.nextDue)}</td>
                  <td>
                    <span className={badge(car.state)}>{t.states[car.state]}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
        <InspectionForm cars={cars.data} timeZone={timeZone} />
      </section>
      <section aria-labelledby="uvv-people">
        <h2 id="uvv-people">{t.uvv.peopleTitle}</h2>
        <ScrollTable label={t.uvv.peopleTitle}>
          <table className={styles.table}>
            <thead>
              <tr>
                <th scope="col">{t.person}</th>
                <th scope="col">{t.municipality}</th>
                <th scope="col">{t.uvv.lastInstruction}</th>
                <th scope="col">{t.dueOn}</th>
                <th scope="col">{t.state}</th>
              </tr>
            </thead>
            <tbody>
              {people.data.map((person) => (
                <tr key={person.id} data-person={person.id}>
                  <th scope="row">{person.name}</th>
                  <td>{person.municipality}</td>
                  <td>{person.instructedOn ? `${day(person.instructedOn)}: ${person.topic}` : t.never}</td>
                  <td>{day(person.nextDue)}</td>
                  <td>
                    <span className={badge(person.state)}>{t.states[person.state]}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
        <InstructionForm people={people.data} timeZone={timeZone} />
      </section>
    </>
  );
}
