export { assignPilotGroup, bucketOf, type PilotGroup } from './bucket';
export { contactTimeZone, defaultTimeZoneForPhone, isValidTimeZone } from './default-time-zone';
export {
  type ConditionContext,
  evaluateCondition,
  evaluateConditions,
} from './evaluate-condition';
export { type LocalParts, localParts } from './local-time';
export { type PilotPhase, pilotClosed, pilotPhase } from './pilot-phase';
export { nextTimeOfDay, quietHoursEnd } from './schedule';
