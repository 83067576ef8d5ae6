import type { Sql } from '@ruta/platform';

/** The transaction handle `sql.begin` gives its callback. */
export type Tx = Parameters<Parameters<Sql['begin']>[1]>[0];

/** The pool or a transaction: for code that runs either way. */
export type Db = Sql | Tx;
