import { useMessages } from '../../../lib/i18n';
import styles from './dashboard.module.css';
import {
  euro,
  type FigureRow,
  type FigureRules,
  figureList,
  figureListColumns,
  oneDecimal,
  percent,
} from './figures';
import { ReportTable } from './report-table';

/** The level's headline numbers as cards, then all of its figures beside their rules. */
export function Summary({
  row,
  rules,
  level,
  exportName,
}: {
  row: FigureRow | undefined;
  rules: FigureRules;
  level: string;
  exportName: string;
}) {
  const messages = useMessages();
  const t = messages.dashboard;
  const cards = [
    { label: t.cards.timeUtilisation, value: percent(row?.timeUtilisation) },
    { label: t.cards.drivingUtilisation, value: percent(row?.drivingUtilisation) },
    { label: t.cards.km, value: oneDecimal(row?.km) },
    { label: t.cards.costs, value: row ? `${euro(row.costs)} €` : messages.reportTable.none },
    { label: t.cards.co2, value: row ? `${oneDecimal(row.co2SavedKg)} kg` : messages.reportTable.none },
  ];
  return (
    <>
      <ul className={styles.cards} aria-label={t.cards.label}>
        {cards.map((card) => (
          <li key={card.label}>
            <span className={styles.cardLabel}>{card.label}</span>
            <span className={styles.cardValue}>{card.value}</span>
          </li>
        ))}
      </ul>
      <ReportTable
        caption={t.tables.figures(level)}
        columns={figureListColumns(t)}
        rows={figureList(t, row, rules)}
        exportName={exportName}
      />
    </>
  );
}
