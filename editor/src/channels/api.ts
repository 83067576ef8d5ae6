import type { ProviderKind } from '@ruta/shared';
import { QueryClientContext, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useContext } from 'react';
import { type Answer, call, client } from '../api/client';

/** A configured channel as the API shows it: secrets only by name, never by value. */
export type ChannelView = Answer<typeof client.channels.$get>['items'][number];
export type SyncedTemplate = Answer<(typeof client)['whatsapp-templates']['$get']>['items'][number];
/** A webhook as a provider sent it, stored before processing so a failure can be replayed. */
export type WebhookReceipt = Answer<(typeof client)['webhook-receipts']['$get']>['items'][number];
/** What processing a webhook did: replies taken in, statuses applied, what was skipped. */
export type ReceiptOutcome = NonNullable<WebhookReceipt['outcome']>;
export type ReplayResult = Answer<(typeof client)['webhook-receipts'][':id']['replay']['$post']>;

export interface ChannelInput {
  provider: ProviderKind;
  name: string;
  config: Record<string, unknown>;
}

export interface ChannelPatch {
  name?: string;
  config?: Record<string, unknown>;
}

const CHANNELS = ['channels'] as const;
const TEMPLATES = ['whatsapp-templates'] as const;
const RECEIPTS = 'webhook-receipts';

/** Configured channels, newest first. */
export function useChannels() {
  return useQuery({
    queryKey: CHANNELS,
    queryFn: async () => (await call(client.channels.$get())).items,
  });
}

export function useCreateChannel() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ChannelInput) => call(client.channels.$post({ json: input as never })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: CHANNELS }),
  });
}

export function useUpdateChannel(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: ChannelPatch) =>
      call(client.channels[':id'].$patch({ param: { id }, json: patch })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: CHANNELS }),
  });
}

export function useDeleteChannel() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call(client.channels[':id'].$delete({ param: { id } })),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: CHANNELS }),
        queryClient.invalidateQueries({ queryKey: TEMPLATES }),
      ]),
  });
}

/** Pulls the WhatsApp templates (with their approval status) from the channel's business account. */
export function useSyncTemplates(channelId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      call(client.channels[':id'].templates.sync.$post({ param: { id: channelId } })),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: CHANNELS }),
        queryClient.invalidateQueries({ queryKey: TEMPLATES }),
      ]),
  });
}

/** Every synced WhatsApp template of the workspace. */
export function useWhatsAppTemplates() {
  return useQuery({
    queryKey: TEMPLATES,
    queryFn: async () => (await call(client['whatsapp-templates'].$get())).items,
  });
}

/** The channel's latest webhooks (at most 100), newest first; fetched only while `enabled`. */
export function useWebhookReceipts(channelId: string, { enabled }: { enabled: boolean }) {
  return useQuery({
    queryKey: [RECEIPTS, channelId],
    queryFn: async () =>
      (await call(client['webhook-receipts'].$get({ query: { channelId } }))).items,
    enabled,
  });
}

/** Processes a stored webhook again; settles once the channel's list shows its new state. */
export function useReplayReceipt(channelId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      call(client['webhook-receipts'][':id'].replay.$post({ param: { id } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [RECEIPTS, channelId] }),
  });
}

/** False where no query client is provided (a form rendered on its own): then skip the queries. */
export function useHasQueryClient(): boolean {
  return useContext(QueryClientContext) !== undefined;
}
