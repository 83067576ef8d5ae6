import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatPercent } from './percent';

export interface RateRow {
  key: string;
  label: ReactNode;
  entered: number;
  converted: number;
  rate: number | null;
  ci95: { low: number; high: number } | null;
}

/** Groups or variants side by side: who entered, who converted, the rate and its 95 % interval. */
export function RateTable({ heading, rows }: { heading: string; rows: RateRow[] }) {
  const { t } = useTranslation();
  return (
    <table className="table">
      <thead>
        <tr>
          <th>{heading}</th>
          <th className="num">{t('report.entered')}</th>
          <th className="num">{t('report.converted')}</th>
          <th className="num">{t('report.rate')}</th>
          <th className="num">{t('report.interval')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            <td>{row.label}</td>
            <td className="num">{row.entered}</td>
            <td className="num">{row.converted}</td>
            <td className="num">{formatPercent(row.rate)}</td>
            <td className="num">
              {row.ci95 ? `${formatPercent(row.ci95.low)} – ${formatPercent(row.ci95.high)}` : '—'}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
