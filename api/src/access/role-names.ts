import type { Role } from '@ruta/shared';

/** The roles as the API names them in its messages and emails (the editor has its own labels). */
export const ROLE_NAMES: Record<Role, { en: string; es: string }> = {
  owner: { en: 'owner', es: 'propietario' },
  admin: { en: 'admin', es: 'administrador' },
  editor: { en: 'editor', es: 'editor' },
  viewer: { en: 'viewer', es: 'lector' },
};
