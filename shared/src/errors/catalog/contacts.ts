import { CSV_COLUMN_TARGETS } from '../../csv/column-targets';
import { type ErrorText, entry, t } from '../text';

const CONFLICT = t('Conflict', 'Conflicto', 'Conflito');

const BAD_MAPPING = t(
  'Bad column mapping',
  'Asignación de columnas inválida',
  'Mapeamento de colunas inválido',
);
const TARGETS = CSV_COLUMN_TARGETS.join(', ');

const IDENTITY_FIELDS: Record<string, ErrorText> = {
  externalId: t('external id', 'id externo', 'id externo'),
  phone: t('phone', 'teléfono', 'telefone'),
  email: t('email', 'correo', 'e-mail'),
};

/** Contacts and their CSV imports. */
export const contactErrors = {
  external_id_taken: entry<{ externalId: string }>(409, CONFLICT, ({ externalId }) =>
    t(
      `Another contact already has the external id "${externalId}".`,
      `Otro contacto ya tiene el id externo «${externalId}».`,
      `Outro contato já tem o id externo «${externalId}».`,
    ),
  ),
  contact_exists: entry<{ field: string; contactId: string }>(409, CONFLICT, (p) => {
    const word = IDENTITY_FIELDS[p.field] ?? t(p.field, p.field, p.field);
    return t(
      `A contact with this ${p.field} already exists (${p.contactId}); update it instead.`,
      `Ya existe un contacto con este ${word.es} (${p.contactId}); actualízalo en lugar de crear otro.`,
      `Já existe um contato com este ${word.pt} (${p.contactId}); atualize-o em vez de criar outro.`,
    );
  }),
  contact_needs_identifier: entry(
    400,
    t('Bad request', 'Solicitud inválida', 'Solicitação inválida'),
    () =>
      t(
        'A contact keeps at least one of externalId, phone or email.',
        'Un contacto conserva al menos uno de: id externo, teléfono o correo.',
        'Um contato mantém pelo menos um de: id externo, telefone ou e-mail.',
      ),
  ),
  mapping_column_unknown: entry<{ column: string; headers: string }>(
    400,
    BAD_MAPPING,
    ({ column, headers }) =>
      t(
        `The mapping names the column "${column}", which is not in the file. Its columns: ${headers}.`,
        `La asignación menciona la columna «${column}», que no está en el archivo. Sus columnas son: ${headers}.`,
        `O mapeamento cita a coluna «${column}», que não está no arquivo. As colunas dele são: ${headers}.`,
      ),
  ),
  mapping_target_unknown: entry<{ column: string; target: string }>(
    400,
    BAD_MAPPING,
    ({ column, target }) =>
      t(
        `The column "${column}" cannot be read as "${target}": use ${TARGETS}, attributes.<name> or ignore.`,
        `La columna «${column}» no se puede leer como «${target}»: usa ${TARGETS}, attributes.<nombre> o ignore.`,
        `A coluna «${column}» não pode ser lida como «${target}»: use ${TARGETS}, attributes.<nome> ou ignore.`,
      ),
  ),
  import_has_errors: entry<{ errorCount: number; lines: number; more: boolean }>(
    422,
    t('The file has errors', 'El archivo tiene errores', 'O arquivo tem erros'),
    ({ errorCount, lines, more }) =>
      t(
        `${errorCount} problem(s) in ${lines}${more ? '+' : ''} line(s); nothing was imported. Fix them and upload the file again.`,
        `${errorCount} ${errorCount === 1 ? 'problema' : 'problemas'} en ${lines}${more ? '+' : ''} ${lines === 1 && !more ? 'línea' : 'líneas'}; no se importó nada. Corrígelos y vuelve a subir el archivo.`,
        `${errorCount} ${errorCount === 1 ? 'problema' : 'problemas'} em ${lines}${more ? '+' : ''} ${lines === 1 && !more ? 'linha' : 'linhas'}; nada foi importado. Corrija-os e envie o arquivo de novo.`,
      ),
  ),
};
