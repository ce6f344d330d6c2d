import { ServiceError } from '@temporalio/client';

import { isTemporalUnavailable } from '../../api/http/errors';

/** A gRPC status error as @grpc/grpc-js raises it: an Error with a code, details and metadata. */
function grpcError(code: number, details: string): Error {
  return Object.assign(new Error(`${code} ${details}`), { code, details, metadata: {} });
}

test('an Update refused while a crashed worker’s workflow task is retried is a retryable 503, not a 500', () => {
  const refused = grpcError(9, 'Unable to perform workflow execution update due to Workflow Task in failed state.');
  expect(isTemporalUnavailable(new ServiceError('Workflow Update failed', { cause: refused }))).toBe(true);
});

test('a query while no worker has polled yet after a server restart is a retryable 503, not a 500', () => {
  const refused = grpcError(9, 'no poller seen for task queue recently, worker may be down');
  expect(isTemporalUnavailable(new ServiceError('Failed to query Workflow', { cause: refused }))).toBe(true);
});

test('other refusals of the server are not taken for unavailability', () => {
  expect(isTemporalUnavailable(grpcError(9, 'namespace is not active'))).toBe(false);
  expect(isTemporalUnavailable(grpcError(3, 'invalid argument'))).toBe(false);
});

test('an unreachable server or a passed deadline is unavailability', () => {
  expect(isTemporalUnavailable(grpcError(14, 'connection refused'))).toBe(true);
  expect(isTemporalUnavailable(new ServiceError('Failed to query', { cause: grpcError(4, 'deadline exceeded') }))).toBe(
    true,
  );
});
