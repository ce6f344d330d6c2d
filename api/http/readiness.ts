/**
 * `GET /readyz`: whether this API can do its work now — Temporal answers, and at least one worker has polled the
 * case task queue lately (without one, every action would wait). `/healthz` only says the process is alive, so a
 * supervisor restarts on the one and a load balancer routes on the other.
 */
import type { Client } from '@temporalio/client';
import { temporal } from '@temporalio/proto';

import { HTTP_PROBLEM_TEXTS } from '../../domain/texts';
import { HttpProblem } from './errors';
import type { Logger } from './logger';
import type { ApiRoute } from './route';

/** A poller older than this is taken for a worker that is gone (workers poll continuously, a minute at most). */
const POLLER_FRESH_MS = 2 * 60_000;
const CHECK_TIMEOUT_MS = 5_000;

/** The readiness route for `client` and the case task queue; why Temporal failed goes to `log`, not the answer. */
export function readinessRoute(client: Client, taskQueue: string, log: Logger): ApiRoute {
  return {
    doc: {
      method: 'get',
      path: '/readyz',
      summary: '就绪检查：Temporal 可达且有工作进程在轮询',
      tags: ['运维'],
      operationId: 'ready',
      responses: { 200: 'Temporal answers and a worker polls the case task queue', 503: 'not ready; see detail' },
      security: 'none',
    },
    handler: async (_req, res) => {
      const deadline = new Date(Date.now() + CHECK_TIMEOUT_MS);
      let pollers: temporal.api.taskqueue.v1.IPollerInfo[];
      try {
        const answer = await client.connection.withDeadline(deadline, () =>
          client.workflowService.describeTaskQueue({
            namespace: client.options.namespace,
            taskQueue: { name: taskQueue, kind: temporal.api.enums.v1.TaskQueueKind.TASK_QUEUE_KIND_NORMAL },
            taskQueueType: temporal.api.enums.v1.TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW,
          }),
        );
        pollers = answer.pollers ?? [];
      } catch (err) {
        // Unauthenticated callers read this answer; the gRPC text (addresses, server internals) is for the log.
        log.warn('readiness: Temporal does not answer', { requestId: res.locals.requestId, error: err });
        res.setHeader('Retry-After', '5');
        throw new HttpProblem(503, 'Not ready', HTTP_PROBLEM_TEXTS.temporalSilent);
      }
      const fresh = pollers.filter((p) => {
        const seconds = Number(p.lastAccessTime?.seconds ?? 0);
        return Date.now() - seconds * 1000 < POLLER_FRESH_MS;
      });
      if (fresh.length === 0) {
        res.setHeader('Retry-After', '5');
        throw new HttpProblem(503, 'Not ready', HTTP_PROBLEM_TEXTS.noWorker(taskQueue));
      }
      res.setHeader('Cache-Control', 'no-store');
      res.json({ status: 'ready', taskQueue, workers: fresh.length });
    },
  };
}
