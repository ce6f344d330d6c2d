/** What is due on a case: its next running deadline. */
import type { CaseDeadline } from './api/cases';

/** The running or overdue deadline due first. */
export function nextDeadline(deadlines: readonly CaseDeadline[]): CaseDeadline | undefined {
  return deadlines
    .filter((d) => d.status === 'running' || d.status === 'overdue')
    .sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt))[0];
}
