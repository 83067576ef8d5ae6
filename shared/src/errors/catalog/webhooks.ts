import { entry, t } from '../text';

/** Webhooks that providers, stores and mail clients call. */
export const webhookErrors = {
  unknown_channel: entry<{ provider: string; channelId: string }>(
    404,
    t('Not found', 'No encontrado', 'Não encontrado'),
    ({ provider, channelId }) =>
      t(
        `No ${provider} channel ${channelId}.`,
        `No existe el canal de ${provider} ${channelId}.`,
        `Não existe o canal de ${provider} ${channelId}.`,
      ),
  ),
  bad_signature: entry<{ provider: string }>(
    401,
    t('Bad signature', 'Firma incorrecta', 'Assinatura incorreta'),
    ({ provider }) =>
      t(
        `The ${provider} signature does not match this channel's credentials; nothing was recorded.`,
        `La firma de ${provider} no coincide con las credenciales de este canal; no se registró nada.`,
        `A assinatura de ${provider} não confere com as credenciais deste canal; nada foi registrado.`,
      ),
  ),
  malformed_webhook: entry<{ provider: string; reason: string; path?: string }>(
    400,
    t('Malformed webhook', 'Webhook mal formado', 'Webhook malformado'),
    ({ provider, reason, path }) =>
      t(
        `The ${provider} webhook body is not valid: ${reason}`,
        `El cuerpo del webhook de ${provider} no tiene la forma que documenta el proveedor${path ? ` (en ${path})` : ''}; no se registró nada.`,
        `O corpo do webhook de ${provider} não tem o formato documentado pelo provedor${path ? ` (em ${path})` : ''}; nada foi registrado.`,
      ),
  ),
  verification_failed: entry(
    403,
    t('Verification failed', 'La verificación falló', 'A verificação falhou'),
    () =>
      t(
        'hub.mode must be "subscribe" and hub.verify_token must match the channel.',
        'hub.mode debe ser «subscribe» y hub.verify_token debe coincidir con el del canal.',
        'hub.mode deve ser «subscribe» e hub.verify_token deve conferir com o do canal.',
      ),
  ),
};
