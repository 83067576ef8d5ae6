export { type Activities, type ActivityDeps, createActivities } from './activities/index';
export { isPrivateAddress } from './activities/webhook-guard';
export type {
  ChannelProvider,
  OutboundMessage,
  ProviderRegistry,
  SendReceipt,
} from './channels/provider';
export { FinalProviderError, RetryableProviderError } from './channels/provider';
export { sandboxOnlyRegistry } from './channels/registry';
export { createSandboxProvider } from './channels/sandbox';
export {
  type EnrollmentTarget,
  type EnrollRequest,
  type EnrollResult,
  enroll,
  entryKeyOf,
} from './enrollment/enroll';
export {
  type Activation,
  type ActiveJourney,
  activeJourney,
  activeJourneysForEvent,
  type ContactEnrollment,
  compileSnapshot,
  enrollContact,
} from './enrollment/journey-enrollment';
export { sweepScheduleId, sweepWorkflowId } from './enrollment/sweep-ids';
export { journeyWorkflowId, previewWorkflowId } from './enrollment/workflow-id';
export { createRutaWorker, type RutaWorker, type RutaWorkerOptions } from './worker';
export { WORKFLOWS_PATH, workflowBundlePath } from './workflow-bundle';
export type {
  ContactSnapshot,
  EngagementSignal,
  EventSignal,
  ExitSignal,
  JournalStep,
  JourneyRunInput,
  RunState,
  WaitingFor,
} from './workflows/journey/types';
