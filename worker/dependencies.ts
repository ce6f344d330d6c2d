import path from 'node:path';

import type { ActivityDependencies } from '../activities';
import type { ProjectionStore } from '../activities/register';
import { FileDocumentStore } from '../documents/document-store';
import { FileArchive } from '../activities/file-archive';
import { FileOutbox } from '../activities/file-outbox';
import { HttpArchive } from '../activities/http-archive';
import { WebhookTransport } from '../activities/webhook-transport';
import { calendarSource } from '../calendar';
import type { WorkerProcessConfig } from '../config';

/**
 * What the activities of a deployed worker touch, chosen by the configuration: the webhook and the archive
 * service when their URLs are set, else the readable defaults under DATA_DIR (an outbox of notice files and an
 * archive of entry files; `loadConfig` refuses those in production), and the register the caller opened. Loads the
 * calendar now, so a bad holiday file stops start-up with its name.
 */
export function activityDependencies(
  config: Pick<WorkerProcessConfig, 'worker' | 'dataDir' | 'holidaysDir' | 'payload'>,
  register: ProjectionStore,
): ActivityDependencies {
  const w = config.worker;
  return {
    calendar: calendarSource({ holidaysDir: config.holidaysDir }),
    notices: w.NOTICE_WEBHOOK_URL
      ? new WebhookTransport({ url: w.NOTICE_WEBHOOK_URL, token: w.NOTICE_WEBHOOK_TOKEN })
      : new FileOutbox(path.join(config.dataDir, 'outbox')),
    archive: w.ARCHIVE_URL
      ? new HttpArchive({ url: w.ARCHIVE_URL, token: w.ARCHIVE_TOKEN })
      : new FileArchive(path.join(config.dataDir, 'archive')),
    // Sealed with each body's payload key; the API reads them from the same directory.
    documents: {
      store: new FileDocumentStore(path.join(config.dataDir, 'documents'), config.payload.keys, config.payload.cipher),
    },
    deadlines: {
      reminderWorkingDays: w.REMINDER_WORKING_DAYS,
      pauseLimitWorkingDays: w.PAUSE_LIMIT_WORKING_DAYS,
    },
    register,
  };
}
