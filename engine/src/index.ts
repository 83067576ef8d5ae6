export {
  type ConsentRecord,
  type ContactRow,
  contactRowColumns,
  loadContactRow,
  toSnapshot,
} from './activities/contact-row';
export { handoffSignature, queueSecretOwner } from './activities/handoff-notify';
export { type Activities, type ActivityDeps, createActivities } from './activities/index';
export { DEFAULT_PRICES, messageCost, type Prices, pricesFrom } from './activities/pricing';
export type { SendFailure, SendOutcome, SendRequest } from './activities/send';
export {
  buildProvider,
  type ChannelRow,
  fullChannelConfig,
  loadChannel,
  MissingSecretsKeyError,
} from './channels/channel-store';
export { instrumentEmailHtml } from './channels/email-html';
export { createTrackingLinks, type TrackingLinks, verifyTracking } from './channels/email-tracking';
export { deliveryFailureReason } from './channels/failure-reason';
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
  recordEnrollment,
} from './enrollment/enroll';
export {
  type Activation,
  type ActiveJourney,
  type ActiveJourneyRef,
  activeJourney,
  type ContactEnrollment,
  compileSnapshot,
  contactEnrollment,
  enrollContact,
  enrollmentRequest,
  resolveActiveJourney,
} from './enrollment/journey-enrollment';
export { sweepScheduleId, sweepWorkflowId } from './enrollment/sweep-ids';
export { journeyWorkflowId, previewWorkflowId } from './enrollment/workflow-id';
export type { OutboxTarget } from './outbox/deliver';
export {
  DELIVER_NOW_TIMEOUT_MS,
  type DeliveryOutcome,
  deliverNow,
} from './outbox/deliver-now';
export {
  type OutboxDispatcher,
  type OutboxStats,
  outboxStats,
  startOutboxDispatcher,
} from './outbox/dispatcher';
export {
  OUTBOX_RETURNING,
  type OutboxRow,
  type OutboxSignal,
  outboxRows,
} from './outbox/outbox-row';
export { reconcileRuns } from './outbox/reconcile';
export { sourcePollScheduleId } from './sources/source-poll-ids';
export { TiendanubeApiError, tiendanubeGet } from './sources/tiendanube-api';
export {
  createRutaWorker,
  type RutaWorker,
  type RutaWorkerOptions,
  type WorkerTuning,
  workerOptionsFor,
  workerTuningFromEnv,
} from './worker';
export { WORKFLOWS_PATH, workflowBundlePath } from './workflow-bundle';
export {
  engagementSignal,
  enrollSignal,
  eventSignal,
  exitSignal,
  handoffClosedSignal,
  type JourneySignalName,
  stateQuery,
} from './workflows/journey/signals';
export type {
  ContactSnapshot,
  EngagementSignal,
  EventSignal,
  ExitSignal,
  HandoffClosedSignal,
  JournalStep,
  JourneyRunInput,
  ReplyRouting,
  RunState,
  WaitingFor,
} from './workflows/journey/types';
export { pilotWorkflowId, recheckPilotSignal } from './workflows/pilot-signals';
