import { DefaultLogger, Runtime } from '@temporalio/worker';

// Worker lifecycle chatter buries test failures; warnings and errors still show.
Runtime.install({ logger: new DefaultLogger('WARN') });
