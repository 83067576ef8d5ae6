import type { ApiKeyScope, Role } from '@ruta/shared';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type Answer, call, client } from '../api/client';

export type Member = Answer<typeof client.members.$get>['items'][number];
export type PendingInvitation = Answer<typeof client.members.invitations.$get>['items'][number];
/** An invitation just made (or renewed): its link is in this answer only. */
export type InvitationLink = Answer<typeof client.members.invitations.$post>;
export type ApiKey = Answer<(typeof client)['api-keys']['$get']>['items'][number];
export type NewApiKey = Answer<(typeof client)['api-keys']['$post']>;
export type AuditEntry = Answer<typeof client.audit.$get>['items'][number];

const MEMBERS = ['members'] as const;
const INVITATIONS = ['invitations'] as const;
const KEYS = ['api-keys'] as const;
const AUDIT = ['audit'] as const;

export function useMembers() {
  return useQuery({
    queryKey: MEMBERS,
    queryFn: async () => (await call(client.members.$get())).items,
  });
}

export function useInvitations({ enabled }: { enabled: boolean }) {
  return useQuery({
    queryKey: INVITATIONS,
    queryFn: async () => (await call(client.members.invitations.$get())).items,
    enabled,
  });
}

/** After any change to the team, the lists and the audit log are read again. */
function useTeamChange<I, O>(fn: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () =>
      Promise.all(
        [MEMBERS, INVITATIONS, KEYS, AUDIT].map((queryKey) =>
          queryClient.invalidateQueries({ queryKey }),
        ),
      ),
  });
}

export const useInvite = () =>
  useTeamChange((input: { email: string; role: Role }) =>
    call(client.members.invitations.$post({ json: input })),
  );

export const useRenewInvitation = () =>
  useTeamChange((id: string) =>
    call(client.members.invitations[':id'].renew.$post({ param: { id } })),
  );

export const useCancelInvitation = () =>
  useTeamChange((id: string) => call(client.members.invitations[':id'].$delete({ param: { id } })));

export const useChangeRole = () =>
  useTeamChange((input: { userId: string; role: Role }) =>
    call(
      client.members[':userId'].$patch({
        param: { userId: input.userId },
        json: { role: input.role },
      }),
    ),
  );

export const useRemoveMember = () =>
  useTeamChange((userId: string) => call(client.members[':userId'].$delete({ param: { userId } })));

export function useApiKeys({ enabled }: { enabled: boolean }) {
  return useQuery({
    queryKey: KEYS,
    queryFn: async () => (await call(client['api-keys'].$get())).items,
    enabled,
  });
}

export const useCreateApiKey = () =>
  useTeamChange((input: { name: string; scope: ApiKeyScope }) =>
    call(client['api-keys'].$post({ json: input })),
  );

export const useRevokeApiKey = () =>
  useTeamChange((id: string) => call(client['api-keys'][':id'].$delete({ param: { id } })));

const AUDIT_PAGE = 30;

/** The audit log, newest first, a page at a time. */
export function useAuditLog({ enabled }: { enabled: boolean }) {
  return useInfiniteQuery({
    queryKey: AUDIT,
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      call(
        client.audit.$get({
          query: { limit: String(AUDIT_PAGE), ...(pageParam ? { before: pageParam } : {}) },
        }),
      ),
    getNextPageParam: (last) => last.nextBefore,
    enabled,
  });
}
