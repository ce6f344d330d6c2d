import type { WorkingCalendar } from '../calendar';
import type { ArchiveStore } from './archive';
import { createArchiveActivities } from './archive';
import type { DeadlineSettings } from './deadlines';
import { createDeadlineActivities } from './deadlines';
import type { NoticeTransport } from './notify';
import { createNotifyActivities } from './notify';
import type { ProjectionStore } from './register';
import { createRegisterActivities } from './register';

/** What the activities touch; the worker passes the real ones, tests pass real local ones (temp directories). */
export interface ActivityDependencies {
  readonly calendar: () => WorkingCalendar;
  readonly notices: NoticeTransport;
  readonly archive: ArchiveStore;
  readonly deadlines?: Partial<DeadlineSettings>;
  /** The register every case projects itself into (`register/`). */
  readonly register: ProjectionStore;
}

/** All activities of the case workflow, built over their dependencies. */
export function createActivities(deps: ActivityDependencies) {
  return {
    ...createDeadlineActivities(deps.calendar, { reminderWorkingDays: 1, ...deps.deadlines }),
    ...createNotifyActivities(deps.notices),
    ...createArchiveActivities(deps.archive),
    ...createRegisterActivities(deps.register),
  };
}
