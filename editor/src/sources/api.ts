import type { SourcePlatform } from '@ruta/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type Answer, call, client } from '../api/client';

/** A connected store or CDP as the API shows it: secrets only by name, never by value. */
export type SourceView = Answer<typeof client.sources.$get>['items'][number];

export interface SourceInput {
  platform: SourcePlatform;
  name: string;
  config: Record<string, unknown>;
}

/** A delivery as stored, and what it became: events, contacts, or why not. */
export type Delivery = Answer<
  (typeof client.sources)[':id']['deliveries']['$get']
>['items'][number];
export type DeliveryOutcome = NonNullable<Delivery['outcome']>;

const SOURCES = ['sources'] as const;
const deliveriesKey = (id: string) => ['sources', id, 'deliveries'] as const;

export function useSources() {
  return useQuery({
    queryKey: SOURCES,
    queryFn: async () => (await call(client.sources.$get())).items,
  });
}

export function useCreateSource() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SourceInput) => call(client.sources.$post({ json: input as never })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: SOURCES }),
  });
}

export function useUpdateSource(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: { name?: string; config?: Record<string, unknown> }) =>
      call(client.sources[':id'].$patch({ param: { id }, json: patch as never })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: SOURCES }),
  });
}

export function useDeleteSource() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call(client.sources[':id'].$delete({ param: { id } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: SOURCES }),
  });
}

/** The source's latest deliveries, newest first, refreshed every few seconds while shown. */
export function useDeliveries(sourceId: string, { enabled }: { enabled: boolean }) {
  return useQuery({
    queryKey: deliveriesKey(sourceId),
    queryFn: async () =>
      (
        await call(
          client.sources[':id'].deliveries.$get({
            param: { id: sourceId },
            query: { limit: '10' },
          }),
        )
      ).items,
    enabled,
    refetchInterval: enabled ? 5000 : false,
  });
}

export function useReplayDelivery(sourceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      call(
        client.sources[':id'].deliveries[':deliveryId'].replay.$post({
          param: { id: sourceId, deliveryId: id },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: deliveriesKey(sourceId) }),
  });
}

export function useSendTestEvent(sourceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => call(client.sources[':id'].test.$post({ param: { id: sourceId } })),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: deliveriesKey(sourceId) }),
        queryClient.invalidateQueries({ queryKey: SOURCES }),
      ]),
  });
}
