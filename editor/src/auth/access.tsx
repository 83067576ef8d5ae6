import { can, isRole, type Permission, type Role } from '@ruta/shared';
import { createContext, type ReactNode, useContext } from 'react';
import type { Me } from '../api/models';

const RoleContext = createContext<Role | null>(null);

/** The signed-in member's role, for every screen below (the app provides it once signed in). */
export function AccessProvider({ me, children }: { me: Pick<Me, 'role'>; children: ReactNode }) {
  return (
    <RoleContext.Provider value={isRole(me.role) ? me.role : null}>{children}</RoleContext.Provider>
  );
}

export function useRole(): Role | null {
  return useContext(RoleContext);
}

/**
 * Whether the signed-in member's role holds a permission (the matrix of @ruta/shared): screens
 * hide or disable what it may not do. The API checks again on every request. Without a provider
 * nothing is allowed.
 */
export function useCan(permission: Permission): boolean {
  return can(useContext(RoleContext), permission);
}
