import { de } from '../../../messages/de';
import styles from './dashboard.module.css';
import type { FigureRules } from './figures';

const t = de.dashboard.rules;
const names: Record<string, string> = t.names;

/** Every figure's rule as the server states it (figureRules), denominators after the "÷". */
export function RulesPanel({ rules, heatmapRule }: { rules: FigureRules; heatmapRule?: string }) {
  const entries: [string, string][] = Object.entries(rules);
  return (
    <section className={styles.rules} aria-labelledby="rules-title">
      <h2 id="rules-title">{t.title}</h2>
      <p className="hint">{t.intro}</p>
      <dl>
        {entries.map(([key, rule]) => (
          <div key={key} style={{ display: 'contents' }}>
            <dt>{names[key] ?? key}</dt>
            <dd>{rule}</dd>
          </div>
        ))}
        <dt>{de.dashboard.columns.peakConcurrentBookings}</dt>
        <dd>{t.stations}</dd>
        {heatmapRule && (
          <>
            <dt>{t.names.heatmap}</dt>
            <dd>{heatmapRule}</dd>
          </>
        )}
      </dl>
    </section>
  );
}
