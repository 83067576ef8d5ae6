import { workflowBundlePath } from './workflow-bundle';

// Pre-builds the workflow bundle (Docker image build), so workers start without bundling.
workflowBundlePath().then((file) => console.log(`workflow bundle: ${file}`));
