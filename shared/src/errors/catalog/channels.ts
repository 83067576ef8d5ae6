import { type ErrorText, entry, t } from '../text';

const CONFLICT = t('Conflict', 'Conflicto', 'Conflito');
const BAD_REQUEST = t('Bad request', 'Solicitud inválida', 'Solicitação inválida');
const NO_TEMPLATE_LIST = t(
  'WhatsApp did not give the template list',
  'WhatsApp no entregó la lista de plantillas',
  'O WhatsApp não entregou a lista de modelos',
);

/** Why the WhatsApp Cloud API refused to list the templates, in Ruta's words. */
const syncRefusal = (text: ErrorText) => entry(502, NO_TEMPLATE_LIST, () => text);

/** Channels, their credentials and their WhatsApp templates. */
export const channelErrors = {
  channel_config_invalid: entry<{ summary: ErrorText }>(400, BAD_REQUEST, ({ summary }) =>
    t(
      `The channel config is not valid: ${summary.en}`,
      `La configuración del canal no es válida: ${summary.es}`,
      `A configuração do canal não é válida: ${summary.pt}`,
    ),
  ),
  server_setting: entry<{ summary: ErrorText }>(400, BAD_REQUEST, ({ summary }) => summary),
  password_required: entry(400, BAD_REQUEST, () =>
    t(
      'To change the SMTP server or port, type the password again: a saved password only ever goes to the server it was typed for.',
      'Para cambiar el servidor o el puerto SMTP, escribe de nuevo la contraseña: una contraseña guardada solo se envía al servidor para el que la escribiste.',
      'Para mudar o servidor ou a porta SMTP, digite a senha de novo: uma senha salva só vai para o servidor para o qual foi digitada.',
    ),
  ),
  secret_unreadable: entry(409, CONFLICT, () =>
    t(
      "The channel's saved credentials cannot be opened: they were sealed for another channel or under another RUTA_SECRETS_KEY. Enter them again.",
      'Las credenciales guardadas del canal no se pueden abrir: se cifraron para otro canal o con otra RUTA_SECRETS_KEY. Escríbelas de nuevo.',
      'As credenciais salvas do canal não podem ser abertas: foram cifradas para outro canal ou com outra RUTA_SECRETS_KEY. Digite-as de novo.',
    ),
  ),
  not_whatsapp: entry<{ channelId: string; provider: string }>(
    409,
    CONFLICT,
    ({ channelId, provider }) =>
      t(
        `Channel ${channelId} is a ${provider} channel; only WhatsApp has templates.`,
        `El canal ${channelId} es de ${provider}; solo WhatsApp tiene plantillas.`,
        `O canal ${channelId} é de ${provider}; só o WhatsApp tem modelos.`,
      ),
  ),
  business_account_required: entry(409, CONFLICT, () =>
    t(
      'Set the WhatsApp Business Account id on the channel to sync its templates.',
      'Escribe en el canal el id de la cuenta de WhatsApp Business para sincronizar sus plantillas.',
      'Informe no canal o id da conta do WhatsApp Business para sincronizar os modelos.',
    ),
  ),
  auth_failed: syncRefusal(
    t(
      'WhatsApp refused the access token, or it lacks the permission to read templates. Check the token in the channel.',
      'WhatsApp rechazó el token de acceso, o le falta el permiso para leer plantillas. Revisa el token en el canal.',
      'O WhatsApp recusou o token de acesso, ou falta a ele a permissão para ler modelos. Confira o token no canal.',
    ),
  ),
  provider_unavailable: syncRefusal(
    t(
      'WhatsApp is busy or briefly unavailable; try again in a minute.',
      'WhatsApp está saturado o no disponible por un momento; vuelve a intentarlo en un minuto.',
      'O WhatsApp está sobrecarregado ou indisponível no momento; tente de novo em um minuto.',
    ),
  ),
  provider_error: syncRefusal(
    t(
      'The WhatsApp Cloud API could not be read; the server log has the details.',
      'No se pudo leer la API de WhatsApp Cloud; el registro del servidor tiene los detalles.',
      'Não foi possível ler a API do WhatsApp Cloud; o log do servidor tem os detalhes.',
    ),
  ),
  rejected: syncRefusal(
    t(
      'WhatsApp refused the request; check the Business Account id in the channel.',
      'WhatsApp rechazó la solicitud; revisa el id de la cuenta de WhatsApp Business en el canal.',
      'O WhatsApp recusou a solicitação; confira o id da conta do WhatsApp Business no canal.',
    ),
  ),
};

/** The reasons a template sync can fail with, each its own code. */
export const TEMPLATE_SYNC_REASONS = [
  'auth_failed',
  'provider_unavailable',
  'provider_error',
  'rejected',
] as const;
