import { useMessages } from '../../../lib/i18n';
import styles from './dashboard.module.css';
import type { FigureRules } from './figures';

/** Every figure's rule as the server states it (figureRules), denominators after the "÷". */
export function RulesPanel({ rules, heatmapRule }: { rules: FigureRules; heatmapRule?: string }) {
  const messages = useMessages();
  const t = messages.dashboard.rules;
  const entries: [string, string][] = Object.entries(rules);
  return (
    <section className={styles.rules} aria-labelledby="rules-title">
      <h2 id="rules-title">{t.title}</h2>
      <p className="hint">{t.intro}</p>
      <dl>
        {entries.map(([key, rule]) => (
          <div key={key} style={{ display: 'contents' }}>
            <dt>{(t.names as Record<string, string>)[key] ?? key}</dt>
            <dd>{rule}</dd>
          </div>
        ))}
        <dt>{messages.dashboard.columns.peakConcurrentBookings}</dt>
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
