import { field, t } from '../text';

/**
 * What is wrong with one field or one CSV cell, by code. Validation of a body's shape (types,
 * lengths, formats) is said by `schemaProblems`; these are the rules the API checks itself.
 */
export const fieldErrors = {
  nul_character: field(() =>
    t(
      'Text cannot contain the NUL character (\\u0000); remove it.',
      'El texto no puede contener el carácter NUL (\\u0000); quítalo.',
      'O texto não pode conter o caractere NUL (\\u0000); remova-o.',
    ),
  ),
  invalid_unicode: field(() =>
    t(
      'The text holds half of a UTF-16 surrogate pair (like a lone \\ud800), which is not a character; send valid Unicode.',
      'El texto contiene media pareja sustituta UTF-16 (como \\ud800 sola), que no es un carácter; envía Unicode válido.',
      'O texto contém meio par substituto UTF-16 (como um \\ud800 sozinho), que não é um caractere; envie Unicode válido.',
    ),
  ),
  too_deep: field<{ levels: number }>(({ levels }) =>
    t(
      `The JSON is nested more than ${levels} levels deep here; flatten it.`,
      `El JSON tiene más de ${levels} niveles de anidación aquí; simplifícalo.`,
      `O JSON tem mais de ${levels} níveis de aninhamento aqui; simplifique-o.`,
    ),
  ),
  invalid_date: field<{ instant?: boolean }>(({ instant }) =>
    instant
      ? t(
          'Use a real date-time with its offset, like 2025-03-01T09:00:00-06:00, between the years 1900 and 9998.',
          'Usa una fecha y hora real con su zona, como 2025-03-01T09:00:00-06:00, entre los años 1900 y 9998.',
          'Use uma data e hora reais com o fuso, como 2025-03-01T09:00:00-06:00, entre os anos 1900 e 9998.',
        )
      : t(
          'Use a real date (2025-03-01) or a date-time with its offset (2025-03-01T09:00-06:00), between the years 1900 and 9998.',
          'Usa una fecha real (2025-03-01) o una fecha y hora con su zona (2025-03-01T09:00-06:00), entre los años 1900 y 9998.',
          'Use uma data real (2025-03-01) ou uma data e hora com o fuso (2025-03-01T09:00-06:00), entre os anos 1900 e 9998.',
        ),
  ),
  time_zone: field(() =>
    t(
      'not an IANA time zone, like America/Mexico_City',
      'no es una zona horaria IANA, como America/Mexico_City',
      'não é um fuso horário IANA, como America/Sao_Paulo',
    ),
  ),
  needs_identifier: field(() =>
    t(
      'identify the contact with externalId, phone or email',
      'identifica al contacto con externalId, phone o email',
      'identifique o contato com externalId, phone ou email',
    ),
  ),
  keeps_identifier: field(() =>
    t(
      'the contact would have no externalId, phone or email',
      'el contacto se quedaría sin externalId, phone ni email',
      'o contato ficaria sem externalId, phone e email',
    ),
  ),
  duplicate: field(() =>
    t('already used by another contact', 'ya lo usa otro contacto', 'já é usado por outro contato'),
  ),
  text_or_button: field(() =>
    t('send text or buttonId', 'envía text o buttonId', 'envie text ou buttonId'),
  ),
  server_setting: field<{ field: string; variable: string }>(({ field, variable }) =>
    t(
      `${field} is not a channel setting: Ruta connects only to the provider's official API, or to the one the server sets in ${variable}. Remove the field.`,
      `${field} no es un ajuste del canal: Ruta se conecta solo a la API oficial del proveedor, o a la que fija el servidor en ${variable}. Quita el campo.`,
      `${field} não é uma configuração do canal: a Ruta se conecta só à API oficial do provedor, ou à que o servidor define em ${variable}. Remova o campo.`,
    ),
  ),
  password_required: field(() =>
    t(
      'To change the SMTP server or port, type the password again: a saved password only ever goes to the server it was typed for.',
      'Para cambiar el servidor o el puerto SMTP, escribe de nuevo la contraseña: una contraseña guardada solo se envía al servidor para el que la escribiste.',
      'Para mudar o servidor ou a porta SMTP, digite a senha de novo: uma senha salva só vai para o servidor para o qual foi digitada.',
    ),
  ),
  secret_unreadable: field(() =>
    t(
      'Enter this credential again.',
      'Escribe de nuevo esta credencial.',
      'Digite esta credencial de novo.',
    ),
  ),
  business_account_required: field(() =>
    t(
      'required to sync templates',
      'hace falta para sincronizar las plantillas',
      'é necessário para sincronizar os modelos',
    ),
  ),
  unknown_template: field<{ templateId: string }>(({ templateId }) =>
    t(
      `unknown template "${templateId}"`,
      `la plantilla «${templateId}» no existe`,
      `o modelo «${templateId}» não existe`,
    ),
  ),
  unknown_contact: field(() =>
    t(
      'no such contact in this workspace',
      'no hay tal contacto en este espacio de trabajo',
      'não existe esse contato neste espaço de trabalho',
    ),
  ),
  missing_contact: field<{ contactId: string }>(({ contactId }) =>
    t(
      `no contact ${contactId}`,
      `no existe el contacto ${contactId}`,
      `não existe o contato ${contactId}`,
    ),
  ),
  invalid_transition: field<{ status: string }>(({ status }) =>
    t(`is ${status}`, `el estado es ${status}`, `o status é ${status}`),
  ),
  range_reversed: field(() =>
    t('is not before `to`', 'no es anterior a `to`', 'não é anterior a `to`'),
  ),
  file_required: field(() =>
    t('required: the CSV file', 'falta el archivo CSV', 'falta o arquivo CSV'),
  ),
  wrong_password: field<{ account?: boolean }>(({ account }) =>
    account
      ? t(
          'is not the password of this account',
          'no es la contraseña de esta cuenta',
          'não é a senha desta conta',
        )
      : t('is not your current password', 'no es tu contraseña actual', 'não é a sua senha atual'),
  ),
  password_too_short: field<{ minimum: number }>(({ minimum }) =>
    t(
      `must have at least ${minimum} characters`,
      `debe tener al menos ${minimum} caracteres`,
      `deve ter pelo menos ${minimum} caracteres`,
    ),
  ),
  already_member: field(() => t('is already a member', 'ya es miembro', 'já é membro')),
  webhook_shape: field<{ reason: string }>(({ reason }) =>
    t(
      reason,
      'no tiene la forma que documenta el proveedor',
      'não tem o formato documentado pelo provedor',
    ),
  ),
};
