'use client';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useMessages } from '../../../lib/i18n';
import styles from './dashboard.module.css';
import { euro, percent } from './figures';
import { formatNumber } from './table-data';

const ACCENT = '#0b6e4f';
const SECOND = '#1f5f99';

/** A chart with its title and a hint that the same numbers follow as a table. */
function ChartFrame({
  title,
  hint,
  height = 260,
  children,
}: {
  title: string;
  hint: string;
  height?: number;
  children: React.ReactNode;
}) {
  return (
    <figure className={styles.chart}>
      <figcaption>
        {title}
        <span>{hint}</span>
      </figcaption>
      {/* The table under the chart carries the numbers for screen readers; the drawing is for the eye. */}
      <div className={styles.chartBox} style={{ height }} aria-hidden="true">
        {children}
      </div>
    </figure>
  );
}

export function UtilisationChart({
  months,
}: {
  months: { name: string; timeUtilisation: number | null; drivingUtilisation: number | null }[];
}) {
  const messages = useMessages();
  const t = messages.dashboard;
  const data = months.map((m) => ({
    name: m.name,
    time: (m.timeUtilisation ?? 0) * 100,
    driving: (m.drivingUtilisation ?? 0) * 100,
  }));
  return (
    <ChartFrame title={t.charts.utilisation} hint={t.charts.utilisationHint}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -8 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="name" tick={{ fontSize: 12 }} />
          <YAxis
            tickFormatter={(v: number) => `${formatNumber(v, 1)} %`}
            tick={{ fontSize: 12 }}
            width={56}
          />
          <Tooltip formatter={(value) => percent(Number(value) / 100)} />
          <Legend />
          <Bar dataKey="time" name={t.columns.timeUtilisation} fill={ACCENT} />
          <Bar dataKey="driving" name={t.columns.drivingUtilisation} fill={SECOND} />
        </BarChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}

export function CostsChart({
  municipalities,
}: {
  municipalities: { name: string; fixedCost: number; variableCost: number }[];
}) {
  const messages = useMessages();
  const t = messages.dashboard;
  return (
    // A bar per municipality, each with room for its name on two lines.
    <ChartFrame
      title={t.charts.costs}
      hint={t.charts.costsHint}
      height={Math.max(200, 80 + 44 * municipalities.length)}
    >
      <ResponsiveContainer width="100%" height="100%">
        <BarChart
          data={municipalities}
          layout="vertical"
          margin={{ top: 8, right: 16, bottom: 0, left: 8 }}
          accessibilityLayer={false}
        >
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis
            type="number"
            tickFormatter={(v: number) => `${formatNumber(v, 0)} €`}
            tick={{ fontSize: 12 }}
          />
          <YAxis type="category" dataKey="name" width={130} tick={{ fontSize: 11 }} interval={0} />
          <Tooltip formatter={(value) => `${euro(Number(value))} €`} />
          <Legend />
          <Bar dataKey="fixedCost" name={t.columns.fixedCost} stackId="costs" fill={ACCENT} />
          <Bar dataKey="variableCost" name={t.columns.variableCost} stackId="costs" fill={SECOND} />
        </BarChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
