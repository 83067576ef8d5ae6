import { type ErrorText, entry, t } from '../text';

const BAD_REQUEST = t('Bad request', 'Solicitud inválida', 'Solicitação inválida');
const UNAUTHORIZED = t('Unauthorized', 'No autorizado', 'Não autorizado');

/** Sources (stores and Segment-compatible CDPs) and the deliveries they send. */
export const sourceErrors = {
  source_config_invalid: entry<{ summary: ErrorText }>(400, BAD_REQUEST, ({ summary }) =>
    t(
      `The source config is not valid: ${summary.en}`,
      `La configuración de la fuente no es válida: ${summary.es}`,
      `A configuração da fonte não é válida: ${summary.pt}`,
    ),
  ),
  source_platform_fixed: entry<{ platform: string }>(400, BAD_REQUEST, ({ platform }) =>
    t(
      `A source's platform cannot change (this one is ${platform}): add a new source instead.`,
      `La plataforma de una fuente no cambia (esta es ${platform}): agrega una fuente nueva.`,
      `A plataforma de uma fonte não muda (esta é ${platform}): adicione uma fonte nova.`,
    ),
  ),
  unknown_source: entry<{ platform: string; sourceId: string }>(
    404,
    t('Not found', 'No encontrado', 'Não encontrado'),
    ({ platform, sourceId }) =>
      t(
        `No ${platform} source ${sourceId}: check the webhook address in Ruta's data sources page.`,
        `No existe la fuente de ${platform} ${sourceId}: revisa la dirección del webhook en la página «Fuentes de datos» de Ruta.`,
        `Não existe a fonte de ${platform} ${sourceId}: confira o endereço do webhook na página «Fontes de dados» da Ruta.`,
      ),
  ),
  bad_source_signature: entry<{ platform: string; header: string }>(
    401,
    t('Bad signature', 'Firma incorrecta', 'Assinatura incorreta'),
    ({ platform, header }) =>
      t(
        `The ${platform} signature (${header}) is missing or does not match this source's secret; nothing was recorded.`,
        `La firma de ${platform} (${header}) falta o no coincide con el secreto de esta fuente; no se registró nada.`,
        `A assinatura de ${platform} (${header}) falta ou não confere com o segredo desta fonte; nada foi registrado.`,
      ),
  ),
  bad_write_key: entry(401, UNAUTHORIZED, () =>
    t(
      "Send a source's write key as the Basic auth user name (the password empty): this one is missing or belongs to no source.",
      'Envía la clave de escritura de una fuente como usuario de Basic auth (contraseña vacía): esta falta o no es de ninguna fuente.',
      'Envie a chave de escrita de uma fonte como usuário do Basic auth (senha vazia): esta falta ou não é de nenhuma fonte.',
    ),
  ),
  malformed_delivery: entry<{ platform: string; reason: string }>(
    400,
    t('Malformed delivery', 'Entrega mal formada', 'Entrega malformada'),
    ({ platform, reason }) =>
      t(
        `The ${platform} body is not what its documentation describes (${reason}); nothing was recorded.`,
        `El cuerpo de ${platform} no es como lo describe su documentación (${reason}); no se registró nada.`,
        `O corpo de ${platform} não é como sua documentação o descreve (${reason}); nada foi registrado.`,
      ),
  ),
  delivery_erased: entry(409, t('Conflict', 'Conflicto', 'Conflito'), () =>
    t(
      'The delivery was erased with the contact it named (a privacy erasure): nothing to replay.',
      'La entrega se borró con el contacto que nombraba (borrado por privacidad): no hay nada que reprocesar.',
      'A entrega foi apagada com o contato que nomeava (apagamento por privacidade): não há nada para reprocessar.',
    ),
  ),
};
