export { type AppType, createApp } from './app';
export type { AppDeps } from './deps';
export { DEMO_ADMIN_EMAIL, type SeedResult, seedDemoWorkspace } from './seed';
