import { describe, expect, test } from 'vitest';
import { assignableRoles, can, PERMISSIONS, ROLES, roleAtLeast } from './roles';

describe('roles', () => {
  test('each role may do what the roles below it may', () => {
    for (const permission of Object.keys(PERMISSIONS) as (keyof typeof PERMISSIONS)[]) {
      const allowed = ROLES.map((role) => can(role, permission));
      // once allowed, allowed for every role above
      expect(allowed.indexOf(true)).toBeGreaterThanOrEqual(0);
      expect(allowed.slice(allowed.indexOf(true)).every(Boolean)).toBe(true);
    }
  });

  test('the matrix of DESIGN §9', () => {
    expect(can('viewer', 'read')).toBe(true);
    expect(can('viewer', 'journeys.write')).toBe(false);
    expect(can('editor', 'journeys.write')).toBe(true);
    expect(can('editor', 'contacts.write')).toBe(true);
    expect(can('editor', 'sandbox.use')).toBe(true);
    expect(can('editor', 'channels.manage')).toBe(false);
    expect(can('admin', 'channels.manage')).toBe(true);
    expect(can('admin', 'members.manage')).toBe(true);
    expect(can('admin', 'apiKeys.manage')).toBe(true);
    expect(can('admin', 'workspace.own')).toBe(false);
    expect(can('owner', 'workspace.own')).toBe(true);
    expect(can(undefined, 'read')).toBe(false);
    expect(roleAtLeast('owner', 'viewer')).toBe(true);
  });

  test('only an owner gives or takes away the owner role', () => {
    expect(assignableRoles('owner')).toContain('owner');
    expect(assignableRoles('admin')).toEqual(['viewer', 'agent', 'editor', 'admin']);
    expect(assignableRoles('editor')).toEqual([]);
  });
});
