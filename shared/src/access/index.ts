export * from './audit-actions';
export * from './roles';
