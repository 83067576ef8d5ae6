export {
  createSql,
  databaseName,
  ensureDatabase,
  type Queryable,
  type Sql,
  withDatabase,
} from './client';
export { type RunningPostgres, startEmbeddedPostgres } from './embedded';
export { MIGRATIONS_DIR, migrate } from './migrate';
export { resealChannelSecrets } from './reseal-secrets';
