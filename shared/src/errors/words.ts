import type { Permission, Role } from '../access/roles';
import { type ErrorText, t } from './text';

/** The things a "does not exist" names. */
export const THINGS = {
  journey: t('Journey', 'El flujo', 'O fluxo'),
  version: t('Version', 'La versión', 'A versão'),
  contact: t('Contact', 'El contacto', 'O contato'),
  run: t('Run', 'El recorrido', 'O percurso'),
  message: t('Message', 'El mensaje', 'A mensagem'),
  channel: t('Channel', 'El canal', 'O canal'),
  webhook_receipt: t('Webhook receipt', 'El webhook recibido', 'O webhook recebido'),
  import: t('Import', 'La importación', 'A importação'),
  api_key: t('API key', 'La clave de API', 'A chave de API'),
  member: t('Member', 'El miembro', 'O membro'),
  invitation: t('Pending invitation', 'La invitación pendiente', 'O convite pendente'),
  source: t('Source', 'La fuente', 'A fonte'),
  delivery: t('Delivery', 'La entrega', 'A entrega'),
} satisfies Record<string, ErrorText>;
export type Thing = keyof typeof THINGS;

/** The roles as messages name them (the editor has its own labels). */
export const ROLE_WORDS: Record<Role, ErrorText> = {
  owner: t('owner', 'propietario', 'proprietário'),
  admin: t('admin', 'administrador', 'administrador'),
  editor: t('editor', 'editor', 'editor'),
  agent: t('agent', 'agente', 'atendente'),
  viewer: t('viewer', 'lector', 'leitor'),
};

/** What each permission lets one do, to say what was refused. */
export const ACTION_WORDS: Record<Permission, ErrorText> = {
  read: t('Reading this workspace', 'Ver este espacio de trabajo', 'Ver este espaço de trabalho'),
  'account.manage': t(
    'Managing your own account',
    'Administrar tu propia cuenta',
    'Gerenciar sua própria conta',
  ),
  'handoffs.work': t(
    'Working conversations handed to people (take, answer, note, close)',
    'Atender conversaciones pasadas a personas (tomar, responder, anotar, cerrar)',
    'Atender conversas transferidas para pessoas (assumir, responder, anotar, encerrar)',
  ),
  'handoffs.manage': t(
    'Choosing who hears of a queue’s new conversations',
    'Elegir quién se entera de las conversaciones nuevas de una cola',
    'Escolher quem fica sabendo das conversas novas de uma fila',
  ),
  'journeys.write': t(
    'Changing journeys (edit, publish, activate, pause, stop, preview, enroll)',
    'Cambiar flujos (editar, publicar, activar, pausar, detener, vista previa, inscribir)',
    'Alterar fluxos (editar, publicar, ativar, pausar, parar, pré-visualizar, inscrever)',
  ),
  'contacts.write': t(
    'Creating, changing, importing or erasing contacts',
    'Crear, cambiar, importar o borrar contactos',
    'Criar, alterar, importar ou apagar contatos',
  ),
  'contacts.export': t(
    'Exporting everything Ruta holds about a contact',
    'Exportar todo lo que Ruta guarda de un contacto',
    'Exportar tudo o que a Ruta guarda de um contato',
  ),
  'events.send': t('Sending events', 'Enviar eventos', 'Enviar eventos'),
  'runs.write': t(
    'Removing a contact from a run',
    'Sacar a un contacto de un recorrido',
    'Tirar um contato de um percurso',
  ),
  'sandbox.use': t('Using the sandbox inbox', 'Usar la bandeja de prueba', 'Usar a caixa de teste'),
  'channels.manage': t(
    'Managing channels and their webhooks',
    'Administrar canales y sus webhooks',
    'Gerenciar canais e seus webhooks',
  ),
  'sources.manage': t(
    'Managing data sources (stores and CDPs) and their deliveries',
    'Administrar fuentes de datos (tiendas y CDP) y sus entregas',
    'Gerenciar fontes de dados (lojas e CDPs) e suas entregas',
  ),
  'members.manage': t(
    'Managing members and invitations',
    'Administrar miembros e invitaciones',
    'Gerenciar membros e convites',
  ),
  'apiKeys.manage': t('Managing API keys', 'Administrar claves de API', 'Gerenciar chaves de API'),
  'audit.read': t(
    'Reading the audit log',
    'Ver el registro de actividad',
    'Ver o registro de atividade',
  ),
  'workspace.manage': t(
    'Changing workspace settings',
    'Cambiar la configuración del espacio',
    'Alterar as configurações do espaço',
  ),
  'workspace.own': t(
    'Changing prices and ownership',
    'Cambiar precios y la propiedad del espacio',
    'Alterar preços e a propriedade do espaço',
  ),
};
