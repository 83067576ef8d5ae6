import { createContext, type ReactNode, useContext } from 'react';
import { useTranslation } from 'react-i18next';
import type { JourneyAnalytics } from '../api/models';

/** The part of GET /api/journeys/{id}/analytics the canvas draws. */
export type CanvasAnalytics = Partial<Pick<JourneyAnalytics, 'nodes' | 'edges' | 'messages'>>;

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

export function useNodeStats(nodeId: string): { entered: number; extra?: string } | undefined {
  const { t } = useTranslation();
  const analytics = useContext(AnalyticsContext);
  const node = analytics?.nodes?.[nodeId];
  if (!node) return undefined;
  const messages = analytics?.messages?.[nodeId];
  const extra = messages
    ? [
        `${messages.delivered ?? 0} ✓✓`,
        `${messages.read ?? 0} 👁`,
        `${messages.replied ?? 0} ↩`,
      ].join(' · ')
    : undefined;
  void t;
  return { entered: node.entered, ...(extra ? { extra } : {}) };
}

export function useEdgeStats(edgeId: string): string | undefined {
  const analytics = useContext(AnalyticsContext);
  const edge = analytics?.edges?.[edgeId];
  if (!edge || edge.percent === null) return undefined;
  return `${edge.count} · ${Math.round(edge.percent)} %`;
}
