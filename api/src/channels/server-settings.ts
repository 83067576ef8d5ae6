import type { FieldProblem } from '../http/problem';

/** The problem for a channel field that is a server setting (e.g. `apiBaseUrl`). */
export function serverSettingProblem(
  field: string,
  variable: string,
): Required<Pick<FieldProblem, 'path' | 'message' | 'message_es' | 'code'>> {
  return {
    path: `config.${field}`,
    code: 'server_setting',
    message: `${field} is not a channel setting: Ruta connects only to the provider's official API, or to the one the server sets in ${variable}. Remove the field.`,
    message_es: `${field} no es un ajuste del canal: Ruta se conecta solo a la API oficial del proveedor, o a la que fija el servidor en ${variable}. Quita el campo.`,
  };
}

/** Changing an SMTP host or port without typing the password again would send it somewhere new. */
export const PASSWORD_AGAIN: Required<
  Pick<FieldProblem, 'path' | 'message' | 'message_es' | 'code'>
> = {
  path: 'config.password',
  code: 'password_required',
  message:
    'To change the SMTP server or port, type the password again: a saved password only ever goes to the server it was typed for.',
  message_es:
    'Para cambiar el servidor o el puerto SMTP, escribe de nuevo la contraseña: una contraseña guardada solo se envía al servidor para el que la escribiste.',
};
