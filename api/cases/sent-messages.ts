/**
 * Every message a client of the case namespace sends a case carries the case number it is for and a message id
 * (`Sent` in domain/messages.ts), inside the sealed payload. This interceptor adds them to every start, signal
 * and Update of the client it is installed on, so no call site can forget them: the API installs it, and so do the
 * tests and the benchmark, which stand in for the API. The workflow refuses a message without them (a plaintext or
 * copied message), so they are what lets a case tell the API's messages from anyone else's.
 */
import { randomUUID } from 'node:crypto';

import type { ClientInterceptors, WorkflowClientInterceptor } from '@temporalio/client';

import { caseBodyInterceptor } from '../codec/case-body-interceptor';

function stamp(arg: unknown, caseNumber: string, messageId: string): unknown {
  if (typeof arg !== 'object' || arg === null || Array.isArray(arg)) return arg;
  return { ...arg, caseNumber, messageId };
}

const sentMessages: WorkflowClientInterceptor = {
  async startWithDetails(input, next) {
    const [caseInput, ...rest] = input.options.args;
    const messageId = (caseInput as { messageId?: string } | undefined)?.messageId ?? randomUUID();
    const args = [stamp(caseInput, input.options.workflowId, messageId), ...rest];
    return next({ ...input, options: { ...input.options, args } });
  },
  async startUpdate(input, next) {
    // The Update ID doubles as the message id, so a retried request is one message to Temporal and to the case.
    const updateId = input.options.updateId ?? randomUUID();
    const caseNumber = input.workflowExecution.workflowId;
    return next({
      ...input,
      options: { ...input.options, updateId },
      args: input.args.map((a) => stamp(a, caseNumber, updateId)),
    });
  },
  async signal(input, next) {
    const caseNumber = input.workflowExecution.workflowId;
    return next({
      ...input,
      args: input.args.map((a) => {
        // A leadership decision's id is its message id; a system signal (calendarLoaded) gets a fresh one.
        const decisionId = (a as { decisionId?: unknown } | null)?.decisionId;
        return stamp(a, caseNumber, typeof decisionId === 'string' ? decisionId : randomUUID());
      }),
    });
  },
};

/**
 * The interceptors every client of the case namespace installs (`new Client({ interceptors: … })`); the second tells
 * the payload codec the body of each case it starts, whose key seals the case.
 */
export const CASE_CLIENT_INTERCEPTORS: ClientInterceptors = { workflow: [sentMessages, caseBodyInterceptor()] };
