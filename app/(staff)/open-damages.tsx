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
  const t = useMessages().fleetDamage;
  const language = useLanguage();
  if (damages.length === 0) return null;
  return (
    <div className="notice" role="note" aria-label={t.openDamagesTitle} data-open-damages="">
      <p>
        <strong>{t.openDamagesTitle}</strong> – {t.openDamagesHint}
      </p>
      <ul>
        {damages.map((damage) => (
          <li key={damage.id}>
            {t.openDamage(damage.description, formatDateTime(damage.createdAt, timeZone, language))}
          </li>
        ))}
      </ul>
    </div>
  );
}
