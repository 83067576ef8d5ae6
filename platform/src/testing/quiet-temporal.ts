import { DefaultLogger, Runtime } from '@temporalio/worker';

// Test output shows test results, not the SDK's lifecycle chatter; warnings and errors still print.
Runtime.install({ logger: new DefaultLogger('WARN') });
