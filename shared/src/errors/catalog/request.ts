import { type ErrorText, entry, t } from '../text';
import { THINGS, type Thing } from '../words';

const BAD_REQUEST = t('Invalid request', 'Solicitud inválida', 'Solicitação inválida');

/** "The body is not valid", per part of the request. */
const NOT_VALID: Record<string, ErrorText> = {
  json: t('The body is not valid', 'El cuerpo no es válido', 'O corpo não é válido'),
  form: t('The form is not valid', 'El formulario no es válido', 'O formulário não é válido'),
  query: t('The query is not valid', 'La consulta no es válida', 'A consulta não é válida'),
  param: t('The path is not valid', 'La ruta no es válida', 'O caminho não é válido'),
  header: t('The header is not valid', 'El encabezado no es válido', 'O cabeçalho não é válido'),
  cookie: t('The cookie is not valid', 'La cookie no es válida', 'O cookie não é válido'),
  request: t('The request is not valid', 'La solicitud no es válida', 'A solicitação não é válida'),
};

/** Problems any route can answer: validation, limits, the database, the server itself. */
export const requestErrors = {
  not_found: entry<{ thing: Thing; id: string }>(
    404,
    t('Not found', 'No encontrado', 'Não encontrado'),
    ({ thing, id }) =>
      t(
        `${THINGS[thing].en} ${id} does not exist in this workspace.`,
        `${THINGS[thing].es} ${id} no existe en este espacio de trabajo.`,
        `${THINGS[thing].pt} ${id} não existe neste espaço de trabalho.`,
      ),
  ),
  route_not_found: entry<{ method: string; path: string }>(
    404,
    t('Not found', 'No encontrado', 'Não encontrado'),
    ({ method, path }) =>
      t(
        `No route ${method} ${path}.`,
        `No existe la ruta ${method} ${path}.`,
        `Não existe a rota ${method} ${path}.`,
      ),
  ),
  invalid_request: entry<{ part: string; summary: ErrorText }>(
    400,
    BAD_REQUEST,
    ({ part, summary }) => {
      const notValid = NOT_VALID[part] ?? (NOT_VALID.request as ErrorText);
      return t(
        `${notValid.en}: ${summary.en}`,
        `${notValid.es}: ${summary.es}`,
        `${notValid.pt}: ${summary.pt}`,
      );
    },
  ),
  invalid_json: entry(400, BAD_REQUEST, () =>
    t(
      'The body is not valid JSON; check quotes, commas and braces.',
      'El cuerpo no es JSON válido; revisa comillas, comas y llaves.',
      'O corpo não é um JSON válido; confira aspas, vírgulas e chaves.',
    ),
  ),
  bad_request: entry<{ reason: string }>(400, BAD_REQUEST, ({ reason }) =>
    t(
      reason,
      'La solicitud no es válida; revisa su formato.',
      'A solicitação não é válida; confira o formato.',
    ),
  ),
  body_too_large: entry<{ megabytes: number }>(
    413,
    t('Payload too large', 'Contenido demasiado grande', 'Conteúdo grande demais'),
    ({ megabytes }) =>
      t(
        `The body is over ${megabytes} MB; send events in smaller batches.`,
        `El cuerpo pasa de ${megabytes} MB; envía los eventos en lotes más pequeños.`,
        `O corpo passa de ${megabytes} MB; envie os eventos em lotes menores.`,
      ),
  ),
  rate_limited: entry<{ perSecond: number; retryAfter: number }>(
    429,
    t('Too many requests', 'Demasiadas solicitudes', 'Solicitações demais'),
    ({ perSecond, retryAfter }) =>
      t(
        `More than ${perSecond} requests per second for this workspace; retry after ${retryAfter} s or send events in batches of up to 500.`,
        `Más de ${perSecond} solicitudes por segundo para este espacio de trabajo; reintenta en ${retryAfter} s o envía los eventos en lotes de hasta 500.`,
        `Mais de ${perSecond} solicitações por segundo para este espaço de trabalho; tente de novo em ${retryAfter} s ou envie os eventos em lotes de até 500.`,
      ),
  ),
  database_unavailable: entry<{ seconds: number }>(
    503,
    t('Service unavailable', 'Servicio no disponible', 'Serviço indisponível'),
    ({ seconds }) =>
      t(
        `Ruta's database is not answering right now; nothing was stored. Retry in ${seconds} seconds with the same request.`,
        `La base de datos de Ruta no responde en este momento; no se guardó nada. Reintenta en ${seconds} segundos con la misma solicitud.`,
        `O banco de dados da Ruta não está respondendo agora; nada foi salvo. Tente de novo em ${seconds} segundos com a mesma solicitação.`,
      ),
  ),
  engine_unavailable: entry<{ seconds: number }>(
    503,
    t('Service unavailable', 'Servicio no disponible', 'Serviço indisponível'),
    ({ seconds }) =>
      t(
        `Ruta's journey engine is not answering right now; this may not have been done yet. Retry in ${seconds} seconds.`,
        `El motor de flujos de Ruta no responde en este momento; puede que esto aún no se haya hecho. Reintenta en ${seconds} segundos.`,
        `O motor de fluxos da Ruta não está respondendo agora; isto pode ainda não ter sido feito. Tente de novo em ${seconds} segundos.`,
      ),
  ),
  internal_error: entry(500, t('Internal error', 'Error interno', 'Erro interno'), () =>
    t(
      'Something went wrong on our side; it was logged.',
      'Algo falló de nuestro lado; quedó registrado.',
      'Algo deu errado do nosso lado; ficou registrado.',
    ),
  ),
  secrets_key_missing: entry<{ purpose: 'store' | 'read' | 'webhooks' }>(
    503,
    t('Secrets key not configured', 'Falta la clave de secretos', 'Falta a chave de segredos'),
    ({ purpose }) =>
      purpose === 'store'
        ? t(
            'RUTA_SECRETS_KEY is not set on the API, so channel credentials cannot be stored encrypted. Set it (openssl rand -hex 32) on the API and the workers.',
            'RUTA_SECRETS_KEY no está configurada en la API, así que las credenciales del canal no se pueden guardar cifradas. Configúrala (openssl rand -hex 32) en la API y en los workers.',
            'RUTA_SECRETS_KEY não está configurada na API, então as credenciais do canal não podem ser guardadas criptografadas. Configure-a (openssl rand -hex 32) na API e nos workers.',
          )
        : purpose === 'read'
          ? t(
              'RUTA_SECRETS_KEY is not set, so the channel credentials cannot be read.',
              'RUTA_SECRETS_KEY no está configurada, así que no se pueden leer las credenciales del canal.',
              'RUTA_SECRETS_KEY não está configurada, então as credenciais do canal não podem ser lidas.',
            )
          : t(
              'RUTA_SECRETS_KEY is not set, so webhook signatures cannot be checked.',
              'RUTA_SECRETS_KEY no está configurada, así que no se pueden comprobar las firmas de los webhooks.',
              'RUTA_SECRETS_KEY não está configurada, então as assinaturas dos webhooks não podem ser verificadas.',
            ),
  ),
  unsupported_media_type: entry<{ mediaType: string }>(
    415,
    t('Unsupported media type', 'Tipo de contenido no admitido', 'Tipo de conteúdo não suportado'),
    ({ mediaType }) =>
      t(
        `Send the CSV as text/csv, or as the "file" field of multipart/form-data (got ${mediaType}).`,
        `Envía el CSV como text/csv, o en el campo «file» de multipart/form-data (llegó ${mediaType}).`,
        `Envie o CSV como text/csv, ou no campo «file» de multipart/form-data (chegou ${mediaType}).`,
      ),
  ),
  file_too_large: entry<{ megabytes: number }>(
    413,
    t('Payload too large', 'Contenido demasiado grande', 'Conteúdo grande demais'),
    ({ megabytes }) =>
      t(
        `The file is over ${megabytes} MB; split it into smaller files.`,
        `El archivo pasa de ${megabytes} MB; divídelo en archivos más pequeños.`,
        `O arquivo passa de ${megabytes} MB; divida-o em arquivos menores.`,
      ),
  ),
  file_missing: entry<{ reason: 'no_file_field' | 'no_boundary' }>(
    400,
    BAD_REQUEST,
    ({ reason }) =>
      reason === 'no_boundary'
        ? t(
            'The multipart body has no boundary.',
            'El cuerpo multipart no tiene separador (boundary).',
            'O corpo multipart não tem separador (boundary).',
          )
        : t(
            'The form has no "file" field with the CSV.',
            'El formulario no tiene el campo «file» con el CSV.',
            'O formulário não tem o campo «file» com o CSV.',
          ),
  ),
  multipart_unreadable: entry<{ reason: string }>(400, BAD_REQUEST, ({ reason }) =>
    t(
      `The multipart body could not be read: ${reason}`,
      'No se pudo leer el cuerpo multipart; vuelve a subir el archivo.',
      'Não foi possível ler o corpo multipart; envie o arquivo de novo.',
    ),
  ),
  upload_interrupted: entry<{ reason: string }>(
    400,
    t('Upload interrupted', 'Carga interrumpida', 'Envio interrompido'),
    ({ reason }) =>
      t(
        `The file could not be read to the end (${reason}); nothing was imported.`,
        'No se pudo leer el archivo hasta el final; no se importó nada. Vuelve a subirlo.',
        'Não foi possível ler o arquivo até o fim; nada foi importado. Envie-o de novo.',
      ),
  ),
};
