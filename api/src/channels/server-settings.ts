import { type FieldProblem, fieldProblem } from '../http/problem';

/** The problem for a channel field that is a server setting (e.g. `apiBaseUrl`). */
export function serverSettingProblem(field: string, variable: string): FieldProblem {
  return fieldProblem(`config.${field}`, 'server_setting', { field, variable });
}

/** Changing an SMTP host or port without typing the password again would send it somewhere new. */
export const PASSWORD_AGAIN: FieldProblem = fieldProblem(
  'config.password',
  'password_required',
  {},
);
