export { journeyWorkflow } from './journey/index';
export { probeWorkflow } from './probe';
export { sweepWorkflow } from './sweep';
