export { assignPilotGroup, bucketOf, type PilotGroup } from './bucket';
export { contactTimeZone, defaultTimeZoneForPhone, isValidTimeZone } from './default-time-zone';
export { escapeHtml } from './escape-html';
export {
  type ConditionContext,
  evaluateCondition,
  evaluateConditions,
} from './evaluate-condition';
export { type LocalParts, localParts } from './local-time';
export { type PilotPhase, pilotClosed, pilotClosesAt, pilotPhase } from './pilot-phase';
export { nextTimeOfDay, quietHoursEnd } from './schedule';
export { WHATSAPP_WINDOW_MS } from './whatsapp-window';
