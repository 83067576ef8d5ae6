export {
  type ContactRow as ContactSnapshotRow,
  contactRowColumns,
  loadContactRow,
  toSnapshot,
} from './activities/contact-row';
export { type Activities, type ActivityDeps, createActivities } from './activities/index';
export { DEFAULT_PRICES, messageCost, type Prices, pricesFrom } from './activities/pricing';
export { isPrivateAddress } from './activities/webhook-guard';
export {
  buildProvider,
  type ChannelRow,
  fullChannelConfig,
  loadChannel,
  MissingSecretsKeyError,
} from './channels/channel-store';
export { instrumentEmailHtml } from './channels/email-html';
export { createTrackingLinks, type TrackingLinks, verifyTracking } from './channels/email-tracking';
export type {
  ChannelProvider,
  OutboundMessage,
  ProviderRegistry,
  SendReceipt,
} from './channels/provider';
export { FinalProviderError, RetryableProviderError } from './channels/provider';
export { sandboxOnlyRegistry, workspaceRegistry } from './channels/registry';
export { createSandboxProvider } from './channels/sandbox';
export { createSmtpProvider } from './channels/smtp';
export { type NoticeEmail, sendNoticeEmail } from './channels/smtp-notice';
export { createTwilioProvider } from './channels/twilio';
export { createWhatsAppProvider, type WhatsAppProvider } from './channels/whatsapp';
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
  type ActiveJourneyRef,
  activeJourney,
  type ContactEnrollment,
  compileSnapshot,
  enrollContact,
  resolveActiveJourney,
} from './enrollment/journey-enrollment';
export { sweepScheduleId, sweepWorkflowId } from './enrollment/sweep-ids';
export { journeyWorkflowId, previewWorkflowId } from './enrollment/workflow-id';
export {
  createRutaWorker,
  DEFAULT_WORKER_TUNING,
  type RutaWorker,
  type RutaWorkerOptions,
  type WorkerTuning,
  workerOptionsFor,
  workerTuningFromEnv,
} from './worker';
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
