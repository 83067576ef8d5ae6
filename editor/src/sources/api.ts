import type { SourcePlatform } from '@ruta/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client';

/** A connected store or CDP as the API shows it: secrets only by name, never by value. */
export interface SourceView {
  id: string;
  platform: SourcePlatform;
  name: string;
  config: Record<string, unknown>;
  secretsSet: string[];
  webhookUrl: string;
  apiBaseUrl?: string;
  writeKeyPrefix?: string;
  /** Only in the answer that created a Segment source. */
  writeKey?: string;
  lastDeliveryAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface SourceInput {
  platform: SourcePlatform;
  name: string;
  config: Record<string, unknown>;
}

/** What a delivery became: events (name, id, new or repeated), contacts, or why not. */
export interface DeliveryOutcome {
  events: { name: string; id: string; status: 'accepted' | 'duplicate'; contactId: string }[];
  contactIds: string[];
  skipped: string[];
  ignored?: string;
}

export interface Delivery {
  id: string;
  topic: string;
  deliveryId: string | null;
  status: 'received' | 'processed' | 'ignored' | 'failed';
  test: boolean;
  outcome: DeliveryOutcome | null;
  error: string | null;
  reason: string | null;
  body: string | null;
  receivedAt: string;
  processedAt: string | null;
}

const SOURCES = ['sources'] as const;
const deliveriesKey = (id: string) => ['sources', id, 'deliveries'] as const;

export function useSources() {
  return useQuery({
    queryKey: SOURCES,
    queryFn: async () => (await api<{ items: SourceView[] }>('/sources')).items,
  });
}

export function useCreateSource() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SourceInput) =>
      api<SourceView>('/sources', { method: 'POST', body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: SOURCES }),
  });
}

export function useUpdateSource(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: { name?: string; config?: Record<string, unknown> }) =>
      api<SourceView>(`/sources/${id}`, { method: 'PATCH', body: patch }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: SOURCES }),
  });
}

export function useDeleteSource() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>(`/sources/${id}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: SOURCES }),
  });
}

/** The source's latest deliveries, newest first, refreshed every few seconds while shown. */
export function useDeliveries(sourceId: string, { enabled }: { enabled: boolean }) {
  return useQuery({
    queryKey: deliveriesKey(sourceId),
    queryFn: async () =>
      (await api<{ items: Delivery[] }>(`/sources/${sourceId}/deliveries?limit=10`)).items,
    enabled,
    refetchInterval: enabled ? 5000 : false,
  });
}

export function useReplayDelivery(sourceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      api<unknown>(`/sources/${sourceId}/deliveries/${id}/replay`, { method: 'POST' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: deliveriesKey(sourceId) }),
  });
}

export function useSendTestEvent(sourceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<Delivery>(`/sources/${sourceId}/test`, { method: 'POST' }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: deliveriesKey(sourceId) }),
        queryClient.invalidateQueries({ queryKey: SOURCES }),
      ]),
  });
}
