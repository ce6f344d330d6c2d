import type { WorkingCalendar } from '../calendar';
import type { ArchiveStore } from './archive';
import { createArchiveActivities } from './archive';
import type { DeadlineSettings } from './deadlines';
import type { DocumentDependencies } from './documents';
import { createDocumentActivities } from './documents';
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
  /** Where issued documents are kept (release 0.5.0 on), and the fonts their PDFs embed. */
  readonly documents: DocumentDependencies;
}

/** All activities of the case workflow, built over their dependencies. */
export function createActivities(deps: ActivityDependencies) {
  return {
    ...createDeadlineActivities(deps.calendar, { reminderWorkingDays: 1, ...deps.deadlines }),
    ...createNotifyActivities(deps.notices),
    ...createArchiveActivities(deps.archive),
    ...createRegisterActivities(deps.register),
    ...createDocumentActivities(deps.documents),
  };
}
