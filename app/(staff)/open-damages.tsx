'use client';
import { useLanguage, useMessages } from '../lib/i18n';
import { formatDateTime } from '../lib/time';

export interface OpenDamage {
  id: string;
  description: string;
  createdAt: Date;
}

/** The car's open damage reports, for whoever takes it next: what, and since when (damage.openOfCars). */
export function OpenDamages({ damages, timeZone }: { damages: readonly OpenDamage[]; timeZone: string }) {
  const t = useMessages().openDamages;
  const language = useLanguage();
  if (damages.length === 0) return null;
  return (
    <div className="notice" role="note" aria-label={t.title} data-open-damages="">
      <p>
        <strong>{t.title}</strong> – {t.hint}
      </p>
      <ul>
        {damages.map((damage) => (
          <li key={damage.id}>
            {t.damage(damage.description, formatDateTime(damage.createdAt, timeZone, language))}
          </li>
        ))}
      </ul>
    </div>
  );
}
