import type { WorkingCalendar } from '../calendar';
import { createDeadlineActivities } from './deadlines';
import type { NoticeTransport } from './notify';
import { createNotifyActivities } from './notify';

/** What the activities touch; the worker passes the real ones, tests pass real local ones (a temp outbox). */
export interface ActivityDependencies {
  readonly calendar: () => WorkingCalendar;
  readonly notices: NoticeTransport;
}

/** All activities of the case workflow, built over their dependencies. */
export function createActivities(deps: ActivityDependencies) {
  return {
    ...createDeadlineActivities(deps.calendar),
    ...createNotifyActivities(deps.notices),
  };
}
