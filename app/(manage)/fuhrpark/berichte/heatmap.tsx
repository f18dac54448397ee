'use client';
import { useId } from 'react';
import { useMessages } from '../../../lib/i18n';
import styles from './dashboard.module.css';
import { type HeatmapCell, oneDecimal, percent } from './figures';
import { ExportButton } from './report-table';

const hours = Array.from({ length: 24 }, (_, h) => h);

/** WCAG relative luminance of an sRGB colour. */
function luminance([r, g, b]: [number, number, number]) {
  const linear = (c: number) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/**
 * From pale green to a dark green by utilisation. The text is black or white, whichever contrasts
 * more: against any background one of the two reaches 4.5 : 1 (the switch lies at luminance 0.179).
 */
function shade(utilisation: number | null) {
  if (utilisation === null) return { background: '#eef1f3', color: '#000' };
  const u = Math.min(1, Math.max(0, utilisation));
  const mix = (low: number, high: number) => Math.round(low + (high - low) * u);
  const rgb: [number, number, number] = [mix(232, 6), mix(243, 78), mix(238, 56)];
  return { background: `rgb(${rgb.join(', ')})`, color: luminance(rgb) > 0.179 ? '#000' : '#fff' };
}

/**
 * Weekday × hour as a real table: each cell's number is its text (percent, "–" with no car
 * available), the shade only repeats it, so a screen reader reads the same as the eye sees.
 */
export function Heatmap({
  cells,
  rule,
  exportName,
}: {
  cells: HeatmapCell[];
  rule: string;
  exportName: string;
}) {
  const messages = useMessages();
  const t = messages.dashboard.heatmap;
  const captionId = useId();
  const at = new Map(cells.map((c) => [`${c.weekday}/${c.hour}`, c]));
  const rows = cells.map((c) => ({
    weekday: t.weekdays[c.weekday - 1] ?? String(c.weekday),
    hour: c.hour,
    heldHours: c.heldHours,
    availableHours: c.availableHours,
    utilisation: c.utilisation,
  }));
  return (
    <div>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard */}
      <section className={styles.heatScroll} aria-labelledby={captionId} tabIndex={0}>
        <table className={styles.heat} data-testid="heatmap">
          <caption id={captionId}>{t.caption}</caption>
          <thead>
            <tr>
              <td />
              {hours.map((h) => (
                <th key={h} scope="col">
                  <span aria-hidden="true">{h}</span>
                  <span className={styles.srOnly}>{t.hour(h)}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {t.weekdays.map((weekday, index) => (
              <tr key={weekday}>
                <th scope="row">
                  <span aria-hidden="true">{t.weekdaysShort[index]}</span>
                  <span className={styles.srOnly}>{weekday}</span>
                </th>
                {hours.map((h) => {
                  const cell = at.get(`${index + 1}/${h}`);
                  const u = cell?.utilisation ?? null;
                  return (
                    <td
                      key={h}
                      style={shade(u)}
                      title={
                        cell
                          ? `${t.held}: ${oneDecimal(cell.heldHours)}, ${t.available}: ${oneDecimal(cell.availableHours)}`
                          : undefined
                      }
                    >
                      {u === null ? messages.reportTable.none : Math.round(u * 100)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <p className="hint">{t.legend}</p>
      <p className="hint">{rule}</p>
      <ExportButton
        columns={[
          { key: 'weekday', label: t.weekday },
          { key: 'hour', label: t.hourColumn, numeric: true },
          { key: 'heldHours', label: t.held, numeric: true },
          { key: 'availableHours', label: t.available, numeric: true },
          { key: 'utilisation', label: t.utilisation, numeric: true, format: percent },
        ]}
        rows={rows}
        exportName={exportName}
      />
    </div>
  );
}
