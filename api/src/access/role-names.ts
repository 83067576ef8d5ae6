import type { Role } from '@ruta/shared';

/** The roles as the API names them in its messages and emails (the editor has its own labels). */
export const ROLE_NAMES: Record<Role, { en: string; es: string; pt: string }> = {
  owner: { en: 'owner', es: 'propietario', pt: 'proprietário' },
  admin: { en: 'admin', es: 'administrador', pt: 'administrador' },
  editor: { en: 'editor', es: 'editor', pt: 'editor' },
  agent: { en: 'agent', es: 'agente', pt: 'atendente' },
  viewer: { en: 'viewer', es: 'lector', pt: 'leitor' },
};
