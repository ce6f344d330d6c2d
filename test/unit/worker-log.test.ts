import { jsonLogger } from '../../worker/runtime';

test('worker log lines are JSON objects that name the case number of a workflow line', () => {
  const lines: string[] = [];
  const logger = jsonLogger('INFO', (l) => lines.push(l));
  logger.info('Workflow completed', { workflowId: 'NY-2026-0001', runId: 'r1', taskQueue: 'tolerance-cases' });
  logger.debug('dropped below the level');
  expect(lines).toHaveLength(1);
  expect(JSON.parse(lines[0])).toMatchObject({
    level: 'info',
    msg: 'Workflow completed',
    caseNumber: 'NY-2026-0001',
    taskQueue: 'tolerance-cases',
  });
});
