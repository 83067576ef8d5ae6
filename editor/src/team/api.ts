import type { ApiKeyScope, AuditAction, Role } from '@ruta/shared';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client';

export interface Member {
  userId: string;
  email: string;
  name: string;
  role: Role;
  joinedAt: string;
}

export interface PendingInvitation {
  id: string;
  email: string;
  role: Role;
  invitedBy: { id: string | null; email: string | null };
  createdAt: string;
  expiresAt: string;
}

/** An invitation just made (or renewed): its link is in this answer only. */
export interface InvitationLink {
  id: string;
  link: string;
  expiresAt: string;
  email: string;
  role: Role;
  /** Whether it also went out by email through the workspace's SMTP channel. */
  mail: 'sent' | 'no_channel' | 'failed';
}

export interface ApiKey {
  id: string;
  name: string;
  prefix: string;
  scope: ApiKeyScope;
  createdAt: string;
  createdBy: { id: string | null; email: string | null };
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface NewApiKey {
  id: string;
  key: string;
  name: string;
  prefix: string;
  scope: ApiKeyScope;
}

export interface AuditEntry {
  id: string;
  at: string;
  action: AuditAction;
  actor: { type: 'user' | 'api_key' | 'system'; id: string | null; label: string | null };
  target: { type: string; id: string | null; label: string | null } | null;
  detail: Record<string, unknown>;
  ip: string | null;
  userAgent: string | null;
}

const MEMBERS = ['members'] as const;
const INVITATIONS = ['invitations'] as const;
const KEYS = ['api-keys'] as const;
const AUDIT = ['audit'] as const;

export function useMembers() {
  return useQuery({
    queryKey: MEMBERS,
    queryFn: async () => (await api<{ items: Member[] }>('/members')).items,
  });
}

export function useInvitations({ enabled }: { enabled: boolean }) {
  return useQuery({
    queryKey: INVITATIONS,
    queryFn: async () => (await api<{ items: PendingInvitation[] }>('/members/invitations')).items,
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
    api<InvitationLink>('/members/invitations', { body: input }),
  );

export const useRenewInvitation = () =>
  useTeamChange((id: string) =>
    api<InvitationLink>(`/members/invitations/${id}/renew`, { method: 'POST' }),
  );

export const useCancelInvitation = () =>
  useTeamChange((id: string) => api<void>(`/members/invitations/${id}`, { method: 'DELETE' }));

export const useChangeRole = () =>
  useTeamChange((input: { userId: string; role: Role }) =>
    api<Member>(`/members/${input.userId}`, { method: 'PATCH', body: { role: input.role } }),
  );

export const useRemoveMember = () =>
  useTeamChange((userId: string) => api<void>(`/members/${userId}`, { method: 'DELETE' }));

export function useApiKeys({ enabled }: { enabled: boolean }) {
  return useQuery({
    queryKey: KEYS,
    queryFn: async () => (await api<{ items: ApiKey[] }>('/api-keys')).items,
    enabled,
  });
}

export const useCreateApiKey = () =>
  useTeamChange((input: { name: string; scope: ApiKeyScope }) =>
    api<NewApiKey>('/api-keys', { body: input }),
  );

export const useRevokeApiKey = () =>
  useTeamChange((id: string) => api<void>(`/api-keys/${id}`, { method: 'DELETE' }));

const AUDIT_PAGE = 30;

/** The audit log, newest first, a page at a time. */
export function useAuditLog({ enabled }: { enabled: boolean }) {
  return useInfiniteQuery({
    queryKey: AUDIT,
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      api<{ items: AuditEntry[]; nextBefore: string | null }>(
        `/audit?${new URLSearchParams({ limit: String(AUDIT_PAGE), ...(pageParam ? { before: pageParam } : {}) })}`,
      ),
    getNextPageParam: (last) => last.nextBefore,
    enabled,
  });
}
