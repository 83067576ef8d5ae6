import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type Answer, call, client } from '../api/client';

/** The inbox as the API lists it: conversations, counts per queue, and how many nobody took. */
export type HandoffList = Answer<typeof client.handoffs.$get>;
export type HandoffSummary = HandoffList['items'][number];
/** One conversation opened: the cart, the path, every message, notes and the WhatsApp window. */
export type HandoffDetail = Answer<(typeof client.handoffs)[':id']['$get']>;
export type ConversationEntry = HandoffDetail['conversation'][number];
export type HandoffResult = NonNullable<HandoffSummary['result']>;
export type HandoffChannel = NonNullable<HandoffSummary['channel']>;
export type QueueSettings = Answer<typeof client.handoffs.queues.$get>['items'][number];
export type SavedQueue = Answer<(typeof client.handoffs.queues)[':queue']['$put']>;

/** Which conversations the list shows: waiting and in progress, mine, or closed; one queue or all. */
export interface InboxFilter {
  view: 'active' | 'mine' | 'closed';
  queue: string | null;
}

export const RESULTS: readonly HandoffResult[] = ['sold', 'solved', 'no_sale'];

/** New hand-offs show up within seconds, without a reload. */
const POLL_MS = 5_000;
const LISTS = ['handoffs'] as const;
const detailKey = (id: string) => ['handoff', id] as const;
const QUEUES = ['handoff-queues'] as const;

function listQuery(filter: InboxFilter) {
  return {
    status: filter.view === 'closed' ? ('closed' as const) : ('active' as const),
    ...(filter.queue ? { queue: filter.queue } : {}),
    ...(filter.view === 'mine' ? { assignee: 'me' as const } : {}),
  };
}

/** The conversations of a view, polled; the unfiltered one also feeds the navigation badge. */
export function useHandoffs(filter: InboxFilter = { view: 'active', queue: null }) {
  const query = listQuery(filter);
  return useQuery({
    queryKey: [...LISTS, query],
    queryFn: () => call(client.handoffs.$get({ query })),
    refetchInterval: POLL_MS,
  });
}

/** The counts only (the navigation badge, on every page): polled, light. */
export function useInboxCounts() {
  return useQuery({
    queryKey: [...LISTS, 'summary'],
    queryFn: () => call(client.handoffs.summary.$get()),
    refetchInterval: POLL_MS,
  });
}

export function useHandoff(id: string) {
  return useQuery({
    queryKey: detailKey(id),
    queryFn: () => call(client.handoffs[':id'].$get({ param: { id } })),
    refetchInterval: POLL_MS,
  });
}

/** After any change the conversation and every list are read again. */
function useRefresh(id: string) {
  const queryClient = useQueryClient();
  return (detail?: HandoffDetail) => {
    if (detail) queryClient.setQueryData(detailKey(id), detail);
    return Promise.all([
      queryClient.invalidateQueries({ queryKey: detailKey(id) }),
      queryClient.invalidateQueries({ queryKey: LISTS }),
    ]);
  };
}

/** Takes it (`me`), gives it back to the queue (`null`), or closes it with a result. */
export function useChangeHandoff(id: string) {
  const refresh = useRefresh(id);
  return useMutation({
    mutationFn: (change: { assignTo?: 'me' | null; close?: { result: HandoffResult } }) =>
      call(client.handoffs[':id'].$patch({ param: { id }, json: change })),
    onSuccess: (detail) => refresh(detail),
  });
}

export interface AgentMessage {
  text?: string;
  template?: { name: string; language: string; params: string[] };
  subject?: string;
  /** The same id never sends twice (a double click, a retry). */
  clientId: string;
}

export function useSendMessage(id: string) {
  const refresh = useRefresh(id);
  return useMutation({
    mutationFn: (message: AgentMessage) =>
      call(client.handoffs[':id'].messages.$post({ param: { id }, json: message })),
    onSettled: () => refresh(),
  });
}

export function useAddNote(id: string) {
  const refresh = useRefresh(id);
  return useMutation({
    mutationFn: (body: string) =>
      call(client.handoffs[':id'].notes.$post({ param: { id }, json: { body } })),
    onSuccess: () => refresh(),
  });
}

export function useQueueSettings({ enabled }: { enabled: boolean }) {
  return useQuery({
    queryKey: QUEUES,
    queryFn: async () => (await call(client.handoffs.queues.$get())).items,
    enabled,
  });
}

export function useSaveQueue() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { queue: string; notifyUserIds: string[]; webhookUrl: string | null }) =>
      call(
        client.handoffs.queues[':queue'].$put({
          param: { queue: input.queue },
          json: { notifyUserIds: input.notifyUserIds, webhookUrl: input.webhookUrl },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: QUEUES }),
  });
}

/** A fresh id for one message the agent writes: 32 letters and digits. */
export function newClientId(): string {
  return crypto.randomUUID().replace(/-/g, '');
}
