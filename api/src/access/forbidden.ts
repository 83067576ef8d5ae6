import { type Permission, type Role, requiredRole } from '@ruta/shared';
import type { Problem } from '../http/problem';
import { ROLE_NAMES } from './role-names';

type Text = { en: string; es: string };
type ProblemBody = Omit<Problem, 'status' | 'type'>;

/** What each permission lets one do, to say what was refused. */
const ACTIONS: Record<Permission, Text> = {
  read: { en: 'Reading this workspace', es: 'Ver este espacio de trabajo' },
  'account.manage': { en: 'Managing your own account', es: 'Administrar tu propia cuenta' },
  'journeys.write': {
    en: 'Changing journeys (edit, publish, activate, pause, stop, preview, enroll)',
    es: 'Cambiar flujos (editar, publicar, activar, pausar, detener, vista previa, inscribir)',
  },
  'contacts.write': {
    en: 'Creating, changing, importing or erasing contacts',
    es: 'Crear, cambiar, importar o borrar contactos',
  },
  'contacts.export': {
    en: 'Exporting everything Ruta holds about a contact',
    es: 'Exportar todo lo que Ruta guarda de un contacto',
  },
  'events.send': { en: 'Sending events', es: 'Enviar eventos' },
  'runs.write': { en: 'Removing a contact from a run', es: 'Sacar a un contacto de un recorrido' },
  'sandbox.use': { en: 'Using the sandbox inbox', es: 'Usar la bandeja de prueba' },
  'channels.manage': {
    en: 'Managing channels and their webhooks',
    es: 'Administrar canales y sus webhooks',
  },
  'members.manage': {
    en: 'Managing members and invitations',
    es: 'Administrar miembros e invitaciones',
  },
  'apiKeys.manage': { en: 'Managing API keys', es: 'Administrar claves de API' },
  'audit.read': { en: 'Reading the audit log', es: 'Ver el registro de actividad' },
  'workspace.manage': {
    en: 'Changing workspace settings',
    es: 'Cambiar la configuración del espacio',
  },
  'workspace.own': {
    en: 'Changing prices and ownership',
    es: 'Cambiar precios y la propiedad del espacio',
  },
};

/** 403: the caller's role is below what the action needs (the problem names that role). */
export function roleRequired(permission: Permission, current: Role): ProblemBody {
  const needed = requiredRole(permission);
  const action = ACTIONS[permission];
  return {
    title: 'Forbidden',
    title_es: 'Sin permiso',
    code: 'role_required',
    requiredRole: needed,
    currentRole: current,
    detail: `${action.en} needs the ${ROLE_NAMES[needed].en} role; you are ${article(ROLE_NAMES[current].en)}. Ask an owner or admin of the workspace.`,
    detail_es: `${action.es} requiere el rol de ${ROLE_NAMES[needed].es}; tu rol es ${ROLE_NAMES[current].es}. Pídeselo a quien administra el espacio de trabajo.`,
  };
}

/** 403: an `ingest` API key called a route outside events, contacts and source webhooks. */
export function scopeRequired(permission: Permission): ProblemBody {
  const needed = requiredRole(permission);
  return {
    title: 'Forbidden',
    title_es: 'Sin permiso',
    code: 'api_key_scope',
    requiredRole: needed,
    requiredScope: 'full',
    detail: `${ACTIONS[permission].en} needs the ${ROLE_NAMES[needed].en} role; this API key has the ingest scope (events, contacts and source webhooks only). Use a full key.`,
    detail_es: `${ACTIONS[permission].es} requiere el rol de ${ROLE_NAMES[needed].es}; esta clave de API solo sirve para recibir datos (eventos, contactos y webhooks de fuentes). Usa una clave completa.`,
  };
}

/** 403: a route nobody declared access for: refused until it is added to ROUTE_ACCESS. */
export function undeclaredRoute(route: string): ProblemBody {
  return {
    title: 'Forbidden',
    title_es: 'Sin permiso',
    code: 'route_not_declared',
    requiredRole: 'owner',
    detail: `${route} has no access rule, so nobody may call it (needs the owner role at least, and a rule).`,
    detail_es: `${route} no tiene regla de acceso, así que nadie puede usarla.`,
  };
}

function article(word: string): string {
  return /^[aeiou]/i.test(word) ? `an ${word}` : `a ${word}`;
}
