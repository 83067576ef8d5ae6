export { journeyWorkflow } from './journey/index';
export { probeWorkflow } from './probe';
