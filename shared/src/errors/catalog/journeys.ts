import { type ErrorText, entry, t } from '../text';

const CONFLICT = t('Conflict', 'Conflicto', 'Conflito');
const BAD_REQUEST = t('Invalid request', 'Solicitud inválida', 'Solicitação inválida');
const HAS_PROBLEMS = t(
  'The journey has problems',
  'El flujo tiene problemas',
  'O fluxo tem problemas',
);

const STATUS_WORDS: Record<string, ErrorText> = {
  draft: t('draft', 'un borrador', 'um rascunho'),
  active: t('active', 'activo', 'ativo'),
  paused: t('paused', 'en pausa', 'pausado'),
  stopped: t('stopped', 'detenido', 'parado'),
  archived: t('archived', 'archivado', 'arquivado'),
  completed: t('completed', 'terminado', 'concluído'),
  exited: t('exited', 'terminado (salió)', 'encerrado (saiu)'),
  failed: t('failed', 'fallido', 'com falha'),
};
const status = (s: string) => STATUS_WORDS[s] ?? t(s, s, s);

const ACTION_WORDS: Record<string, ErrorText> = {
  pause: t('pause', 'pausar', 'pausar'),
  resume: t('resume', 'reanudar', 'retomar'),
  stop: t('stop', 'detener', 'parar'),
  archive: t('archive', 'archivar', 'arquivar'),
};
const action = (a: string) => ACTION_WORDS[a] ?? t(a, a, a);

/** Journeys: creating, editing, publishing, activating, enrolling and their runs. */
export const journeyErrors = {
  unknown_template: entry<{ templateId: string }>(400, BAD_REQUEST, ({ templateId }) =>
    t(
      `No template "${templateId}".`,
      `No existe la plantilla «${templateId}».`,
      `Não existe o modelo «${templateId}».`,
    ),
  ),
  journey_archived: entry<{ action: 'edit' | 'publish' | 'activate' }>(
    409,
    CONFLICT,
    ({ action }) =>
      action === 'edit'
        ? t(
            'The journey is archived: it can no longer be edited.',
            'El flujo está archivado: ya no se puede editar.',
            'O fluxo está arquivado: não pode mais ser editado.',
          )
        : action === 'publish'
          ? t(
              'The journey is archived: it can no longer be published.',
              'El flujo está archivado: ya no se puede publicar.',
              'O fluxo está arquivado: não pode mais ser publicado.',
            )
          : t(
              'The journey is archived: unarchive is not possible; duplicate it instead.',
              'El flujo está archivado: no se puede desarchivar; duplícalo.',
              'O fluxo está arquivado: não é possível desarquivar; duplique-o.',
            ),
  ),
  journey_running: entry<{ status: string }>(409, CONFLICT, (p) =>
    t(
      `The journey is ${p.status}: stop it before deleting it.`,
      `El flujo está ${status(p.status).es}: detenlo antes de borrarlo.`,
      `O fluxo está ${status(p.status).pt}: pare-o antes de apagá-lo.`,
    ),
  ),
  journey_already_active: entry(409, CONFLICT, () =>
    t('The journey is already active.', 'El flujo ya está activo.', 'O fluxo já está ativo.'),
  ),
  journey_has_problems: entry<{ count: number; action: 'publish' | 'preview' }>(
    422,
    HAS_PROBLEMS,
    ({ count, action }) =>
      action === 'preview'
        ? t(
            'Fix the problems before previewing.',
            'Corrige los problemas antes de la vista previa.',
            'Corrija os problemas antes da pré-visualização.',
          )
        : t(
            `${count} problem(s) must be fixed before publishing.`,
            count === 1
              ? 'Corrige 1 problema antes de publicar.'
              : `Corrige ${count} problemas antes de publicar.`,
            count === 1
              ? 'Corrija 1 problema antes de publicar.'
              : `Corrija ${count} problemas antes de publicar.`,
          ),
  ),
  draft_has_problems: entry(409, CONFLICT, () =>
    t(
      'The draft has problems; fix them and publish before activating.',
      'El borrador tiene problemas; corrígelos y publica antes de activar.',
      'O rascunho tem problemas; corrija-os e publique antes de ativar.',
    ),
  ),
  publish_first: entry(409, CONFLICT, () =>
    t(
      'Publish the journey before activating it.',
      'Publica el flujo antes de activarlo.',
      'Publique o fluxo antes de ativá-lo.',
    ),
  ),
  activate_first: entry<{ action: 'enroll' | 'sweep' }>(409, CONFLICT, ({ action }) =>
    action === 'enroll'
      ? t(
          'Activate the journey before enrolling contacts.',
          'Activa el flujo antes de inscribir contactos.',
          'Ative o fluxo antes de inscrever contatos.',
        )
      : t(
          'Activate the journey before sweeping it.',
          'Activa el flujo antes de recorrer su segmento.',
          'Ative o fluxo antes de percorrer o segmento.',
        ),
  ),
  no_segment_to_sweep: entry<{ trigger: string }>(409, CONFLICT, ({ trigger }) =>
    t(
      `A ${trigger} trigger has no segment to sweep.`,
      'Solo los flujos con disparador de segmento u horario tienen un segmento que recorrer.',
      'Só fluxos com gatilho de segmento ou horário têm um segmento para percorrer.',
    ),
  ),
  invalid_transition: entry<{ action: string; status: string; allowed: string[] }>(
    409,
    CONFLICT,
    (p) =>
      t(
        `Cannot ${p.action} a journey that is ${p.status} (allowed from: ${p.allowed.join(', ')}).`,
        `No se puede ${action(p.action).es} un flujo que está ${status(p.status).es} (se puede desde: ${p.allowed.map((s) => status(s).es).join(', ')}).`,
        `Não é possível ${action(p.action).pt} um fluxo que está ${status(p.status).pt} (é possível a partir de: ${p.allowed.map((s) => status(s).pt).join(', ')}).`,
      ),
  ),
  run_ended: entry<{ status: string }>(409, CONFLICT, (p) =>
    t(
      `The run already ended (${p.status}).`,
      `El recorrido ya terminó (${status(p.status).es}).`,
      `O percurso já terminou (${status(p.status).pt}).`,
    ),
  ),
  unknown_contact: entry(400, BAD_REQUEST, () =>
    t('Unknown contact.', 'El contacto no existe.', 'O contato não existe.'),
  ),
  contacts_missing: entry<{ count: number }>(400, BAD_REQUEST, ({ count }) =>
    t(
      `${count} contact(s) do not exist in this workspace.`,
      count === 1
        ? '1 contacto no existe en este espacio de trabajo.'
        : `${count} contactos no existen en este espacio de trabajo.`,
      count === 1
        ? '1 contato não existe neste espaço de trabalho.'
        : `${count} contatos não existem neste espaço de trabalho.`,
    ),
  ),
  version_not_found: entry<{ version: number; journeyId: string }>(
    404,
    t('Not found', 'No encontrado', 'Não encontrado'),
    ({ version, journeyId }) =>
      t(
        `Version ${version} of journey ${journeyId} does not exist in this workspace.`,
        `La versión ${version} del flujo ${journeyId} no existe en este espacio de trabajo.`,
        `A versão ${version} do fluxo ${journeyId} não existe neste espaço de trabalho.`,
      ),
  ),
  range_reversed: entry(400, BAD_REQUEST, () =>
    t(
      '`from` must come before `to`.',
      'La fecha inicial (`from`) debe ser anterior a la final (`to`).',
      'A data inicial (`from`) deve ser anterior à final (`to`).',
    ),
  ),
};
