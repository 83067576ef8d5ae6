import { field, t } from '../text';

/** A country code in words (`MX` → México / Mexico), or the code when the runtime cannot say. */
function region(code: string, lang: string): string {
  try {
    return new Intl.DisplayNames([lang], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** What is wrong with a CSV file, a column or a cell, by code (line and column travel beside). */
export const csvErrors = {
  csv_syntax: field<{ reason: string }>(({ reason }) =>
    t(
      `the file cannot be read as CSV here: ${reason}`,
      'el archivo no se puede leer como CSV aquí (¿unas comillas sin cerrar?)',
      'o arquivo não pode ser lido como CSV aqui (aspas sem fechar?)',
    ),
  ),
  csv_empty: field(() =>
    t(
      'the file is empty: it needs a header row',
      'el archivo está vacío: necesita una fila de encabezados',
      'o arquivo está vazio: precisa de uma linha de cabeçalho',
    ),
  ),
  csv_no_rows: field(() =>
    t(
      'the file has a header but no rows',
      'el archivo tiene encabezados pero ninguna fila',
      'o arquivo tem cabeçalho, mas nenhuma linha',
    ),
  ),
  column_unnamed: field(() =>
    t('the column has no name', 'la columna no tiene nombre', 'a coluna não tem nome'),
  ),
  column_repeated: field<{ attribute: boolean; previous: string }>(({ attribute, previous }) =>
    t(
      `fills the same ${attribute ? 'attribute' : 'field'} as the column "${previous}"`,
      `llena el mismo ${attribute ? 'atributo' : 'campo'} que la columna «${previous}»`,
      `preenche o mesmo ${attribute ? 'atributo' : 'campo'} que a coluna «${previous}»`,
    ),
  ),
  identity_column_missing: field(() =>
    t(
      'the file needs an external_id, phone or email column to identify each contact',
      'el archivo necesita una columna external_id, phone o email para identificar a cada contacto',
      'o arquivo precisa de uma coluna external_id, phone ou email para identificar cada contato',
    ),
  ),
  mapping_not_object: field(() =>
    t(
      'must be a JSON object from a header in the file to how it is read, like {"WhatsApp del cliente": "phone"}',
      'debe ser un objeto JSON de un encabezado del archivo a cómo se lee, como {"WhatsApp del cliente": "phone"}',
      'deve ser um objeto JSON de um cabeçalho do arquivo para como é lido, como {"WhatsApp del cliente": "phone"}',
    ),
  ),
  too_many_fields: field<{ fields: number; header: number }>(({ fields, header }) =>
    t(
      `the row has ${fields} fields but the header has ${header} (a comma inside a value needs quotes)`,
      `la fila tiene ${fields} campos pero el encabezado tiene ${header} (una coma dentro de un valor necesita comillas)`,
      `a linha tem ${fields} campos, mas o cabeçalho tem ${header} (uma vírgula dentro de um valor precisa de aspas)`,
    ),
  ),
  not_utf8: field(() =>
    t(
      'the text is not UTF-8: save the file as «CSV UTF-8»',
      'el texto no está en UTF-8: guarda el archivo como «CSV UTF-8»',
      'o texto não está em UTF-8: salve o arquivo como «CSV UTF-8»',
    ),
  ),
  cell_nul: field(() =>
    t(
      'the text holds a NUL character (\\u0000), which cannot be stored: remove it',
      'el texto contiene un carácter NUL (\\u0000), que no se puede guardar: quítalo',
      'o texto contém um caractere NUL (\\u0000), que não pode ser salvo: remova-o',
    ),
  ),
  not_yes_no: field<{ value: string }>(({ value }) =>
    t(
      `"${value}" is not yes/no (accepted: yes, no, sí, si, true, false, 1, 0)`,
      `«${value}» no es sí/no (se aceptan: sí, si, no, yes, true, false, 1, 0)`,
      `«${value}» não é sim/não (aceitos: yes, no, sí, si, true, false, 1, 0)`,
    ),
  ),
  too_long: field<{ limit: number }>(({ limit }) =>
    t(
      `longer than ${limit} characters`,
      `tiene más de ${limit} caracteres`,
      `tem mais de ${limit} caracteres`,
    ),
  ),
  not_phone: field<{ value: string; example: string }>(({ value, example }) =>
    t(
      `"${value}" is not a phone in international format (E.164, like ${example})`,
      `«${value}» no es un teléfono en formato internacional (E.164, como ${example})`,
      `«${value}» não é um telefone em formato internacional (E.164, como ${example})`,
    ),
  ),
  not_phone_in_country: field<{ value: string; country: string; example: string }>(
    ({ value, country, example }) =>
      t(
        `"${value}" is not a valid phone number in ${region(country, 'en')}, nor one in international format (like ${example})`,
        `«${value}» no es un teléfono válido de ${region(country, 'es')} ni uno en formato internacional (como ${example})`,
        `«${value}» não é um telefone válido de ${region(country, 'pt')} nem um em formato internacional (como ${example})`,
      ),
  ),
  not_email: field<{ value: string }>(({ value }) =>
    t(
      `"${value}" is not a valid email address`,
      `«${value}» no es un correo válido`,
      `«${value}» não é um e-mail válido`,
    ),
  ),
  not_time_zone: field<{ value: string }>(({ value }) =>
    t(
      `"${value}" is not an IANA time zone, like America/Mexico_City`,
      `«${value}» no es una zona horaria IANA, como America/Mexico_City`,
      `«${value}» não é um fuso horário IANA, como America/Sao_Paulo`,
    ),
  ),
  not_locale: field<{ value: string }>(({ value }) =>
    t(
      `"${value}" is not a language tag, like es-MX`,
      `«${value}» no es una etiqueta de idioma, como es-MX`,
      `«${value}» não é uma etiqueta de idioma, como pt-BR`,
    ),
  ),
  tag_too_long: field<{ tag: string }>(({ tag }) =>
    t(
      `the tag "${tag}…" is longer than 64 characters`,
      `la etiqueta «${tag}…» tiene más de 64 caracteres`,
      `a etiqueta «${tag}…» tem mais de 64 caracteres`,
    ),
  ),
  row_needs_identifier: field(() =>
    t(
      'the row needs an external_id, a phone or an email',
      'la fila necesita un external_id, un teléfono o un correo',
      'a linha precisa de um external_id, um telefone ou um e-mail',
    ),
  ),
};
