import type { Channel, ProviderKind, WhatsAppTemplateInfo } from '@ruta/shared';
import { QueryClientContext, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useContext } from 'react';
import { api } from '../api/client';

/** A configured channel as the API shows it: secrets only by name, never by value. */
export interface ChannelView {
  id: string;
  provider: ProviderKind;
  name: string;
  /** Non-secret fields only. */
  config: Record<string, unknown>;
  /** Names of the secret fields that are stored. */
  secretsSet: string[];
  carries: Channel[];
  /** Where to point Meta's / Twilio's webhooks; null for SMTP and the sandbox. */
  webhookUrl: string | null;
  createdAt: string;
  updatedAt: string;
  templatesSyncedAt: string | null;
}

export type SyncedTemplate = WhatsAppTemplateInfo & { channelId: string };

export interface ChannelInput {
  provider: ProviderKind;
  name: string;
  config: Record<string, unknown>;
}

export interface ChannelPatch {
  name?: string;
  config?: Record<string, unknown>;
}

/** What processing a webhook did: replies taken in, statuses applied, what was skipped. */
export interface ReceiptOutcome {
  inbound: number;
  statuses: number;
  duplicates: number;
  /** Provider message ids no Ruta message carries. */
  unknownMessageIds: string[];
  /** Runs that a reply moved on. */
  routedTo: number;
}

/** A webhook as a provider sent it, stored before processing so a failure can be replayed. */
export interface WebhookReceipt {
  id: string;
  channelId: string | null;
  provider: 'whatsapp' | 'twilio';
  contentType: string | null;
  /** Raw JSON for WhatsApp, form-encoded for Twilio. */
  body: string;
  status: 'received' | 'processed' | 'failed';
  outcome: ReceiptOutcome | null;
  error: string | null;
  receivedAt: string;
  processedAt: string | null;
}

export type ReplayResult =
  | { id: string; ok: true; outcome: ReceiptOutcome }
  | { id: string; ok: false; error: string };

const CHANNELS = ['channels'] as const;
const TEMPLATES = ['whatsapp-templates'] as const;
const RECEIPTS = 'webhook-receipts';

/** Configured channels, newest first. */
export function useChannels() {
  return useQuery({
    queryKey: CHANNELS,
    queryFn: async () => (await api<{ items: ChannelView[] }>('/channels')).items,
  });
}

export function useCreateChannel() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ChannelInput) =>
      api<ChannelView>('/channels', { method: 'POST', body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: CHANNELS }),
  });
}

export function useUpdateChannel(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: ChannelPatch) =>
      api<ChannelView>(`/channels/${id}`, { method: 'PATCH', body: patch }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: CHANNELS }),
  });
}

export function useDeleteChannel() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>(`/channels/${id}`, { method: 'DELETE' }),
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
      api<{ items: WhatsAppTemplateInfo[]; syncedAt: string }>(
        `/channels/${channelId}/templates/sync`,
        { method: 'POST' },
      ),
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
    queryFn: async () => (await api<{ items: SyncedTemplate[] }>('/whatsapp-templates')).items,
  });
}

/** The channel's latest webhooks (at most 100), newest first; fetched only while `enabled`. */
export function useWebhookReceipts(channelId: string, { enabled }: { enabled: boolean }) {
  return useQuery({
    queryKey: [RECEIPTS, channelId],
    queryFn: async () =>
      (
        await api<{ items: WebhookReceipt[] }>(
          `/webhook-receipts?${new URLSearchParams({ channelId })}`,
        )
      ).items,
    enabled,
  });
}

/** Processes a stored webhook again; settles once the channel's list shows its new state. */
export function useReplayReceipt(channelId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      api<ReplayResult>(`/webhook-receipts/${id}/replay`, { method: 'POST' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [RECEIPTS, channelId] }),
  });
}

/** False where no query client is provided (a form rendered on its own): then skip the queries. */
export function useHasQueryClient(): boolean {
  return useContext(QueryClientContext) !== undefined;
}
