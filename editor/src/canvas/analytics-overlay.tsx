import { TRIGGER_NODE_ID } from '@ruta/shared';
import { createContext, type ReactNode, useContext } from 'react';
import { useTranslation } from 'react-i18next';
import type { JourneyAnalytics } from '../api/models';
import { formatPercent } from '../kpis/percent';

/** The part of GET /api/journeys/{id}/analytics the canvas draws. */
export type CanvasAnalytics = Partial<
  Pick<JourneyAnalytics, 'nodes' | 'edges' | 'messages' | 'goal'>
>;

const AnalyticsContext = createContext<CanvasAnalytics | null>(null);

export function AnalyticsProvider({
  value,
  children,
}: {
  value: CanvasAnalytics | null;
  children: ReactNode;
}) {
  return <AnalyticsContext.Provider value={value}>{children}</AnalyticsContext.Provider>;
}

/**
 * A step's numbers in words, the treatment group's (the KPI page's definitions): how many
 * entered, what its message did, who is here now, who was removed here; the entry card adds the
 * journey's conversions, since a purchase ends a run wherever it is.
 */
export function useNodeStats(nodeId: string): { entered: string; extra?: string } | undefined {
  const { t } = useTranslation();
  const analytics = useContext(AnalyticsContext);
  const node = analytics?.nodes?.[nodeId];
  if (!node) return undefined;
  const messages = analytics?.messages?.[nodeId];
  const goal = analytics?.goal;
  const parts = [
    ...(messages
      ? [
          `${messages.delivered ?? 0} ${t('analytics.deliveredShort')}`,
          `${messages.read ?? 0} ${t('analytics.readShort')}`,
          `${messages.replied ?? 0} ${t('analytics.repliedShort')}`,
        ]
      : []),
    ...(nodeId === TRIGGER_NODE_ID && goal?.event
      ? [t('analytics.convertedCount', { count: goal.conversions, rate: formatPercent(goal.rate) })]
      : []),
    ...(node.converted_here > 0
      ? [t('analytics.convertedHere', { count: node.converted_here })]
      : []),
    ...(node.in_flight > 0 ? [t('analytics.inFlightCount', { count: node.in_flight })] : []),
    ...(node.removed_here > 0 ? [t('analytics.removedCount', { count: node.removed_here })] : []),
    ...(nodeId === TRIGGER_NODE_ID && node.holdout_entered > 0
      ? [t('analytics.holdoutCount', { count: node.holdout_entered })]
      : []),
  ];
  return {
    entered: t('analytics.enteredCount', { count: node.entered }),
    ...(parts.length > 0 ? { extra: parts.join(' · ') } : {}),
  };
}

export function useEdgeStats(edgeId: string): string | undefined {
  const analytics = useContext(AnalyticsContext);
  const edge = analytics?.edges?.[edgeId];
  if (!edge || edge.percent === null) return undefined;
  return `${edge.count} · ${formatPercent(edge.percent / 100)}`;
}
