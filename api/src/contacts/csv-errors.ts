import { describeFieldError, type FieldErrorCode, type FieldErrorParams } from '@ruta/shared';

/** What is wrong with one cell or column of a CSV file: a stable code and the message in each language. */
export interface CellError {
  column: string;
  code: string;
  params?: Record<string, unknown>;
  message: string;
  message_es: string;
  message_pt: string;
}

/** One problem on one line of the file (the header is line 1). */
export interface RowError extends CellError {
  line: number;
}

export function cellError<C extends FieldErrorCode>(
  column: string,
  code: C,
  params: FieldErrorParams<C>,
): CellError {
  const text = describeFieldError(code, params);
  const hasParams = Object.keys(params as object).length > 0;
  return {
    column,
    code,
    ...(hasParams ? { params: params as Record<string, unknown> } : {}),
    message: text.en,
    message_es: text.es,
    message_pt: text.pt,
  };
}

export function rowError<C extends FieldErrorCode>(
  line: number,
  column: string,
  code: C,
  params: FieldErrorParams<C>,
): RowError {
  return { line, ...cellError(column, code, params) };
}
