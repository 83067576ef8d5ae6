export { agentMessageWorkflow } from './agent-message';
export { journeyWorkflow } from './journey/index';
export { pilotWorkflow } from './pilot';
export { probeWorkflow } from './probe';
export { sourcePollWorkflow } from './source-poll';
export { sweepWorkflow } from './sweep';
