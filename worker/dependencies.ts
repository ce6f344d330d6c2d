import path from 'node:path';

import type { ActivityDependencies } from '../activities';
import { FileArchive } from '../activities/file-archive';
import { FileOutbox } from '../activities/file-outbox';
import { HttpArchive } from '../activities/http-archive';
import { WebhookTransport } from '../activities/webhook-transport';
import { calendarSource } from '../calendar';
import type { AppConfig } from '../config/env';
import { failConfig } from '../config/env';

/**
 * What the activities of a deployed worker touch, chosen by the configuration: the webhook and the archive
 * service when their URLs are set, else the readable defaults under DATA_DIR (an outbox of notice files and an
 * archive of entry files). Loads the calendar now, so a bad holiday file stops start-up with its name.
 *
 * @throws ConfigError in production (NODE_ENV=production) without NOTICE_WEBHOOK_URL or ARCHIVE_URL: the file stores
 *   keep names and outcomes on the worker's disk, where nobody archives or deletes them.
 */
export function activityDependencies(config: AppConfig): ActivityDependencies {
  if (config.NODE_ENV === 'production') {
    const missing = (['NOTICE_WEBHOOK_URL', 'ARCHIVE_URL'] as const).filter((name) => !config[name]);
    if (missing.length) failConfig(missing.map((name) => `${name}: required when NODE_ENV=production`));
  }
  return {
    calendar: calendarSource({ holidaysDir: config.HOLIDAYS_DIR }),
    notices: config.NOTICE_WEBHOOK_URL
      ? new WebhookTransport({ url: config.NOTICE_WEBHOOK_URL, token: config.NOTICE_WEBHOOK_TOKEN })
      : new FileOutbox(path.join(config.DATA_DIR, 'outbox')),
    archive: config.ARCHIVE_URL
      ? new HttpArchive({ url: config.ARCHIVE_URL, token: config.ARCHIVE_TOKEN })
      : new FileArchive(path.join(config.DATA_DIR, 'archive')),
    deadlines: {
      reminderWorkingDays: config.REMINDER_WORKING_DAYS,
      pauseLimitWorkingDays: config.PAUSE_LIMIT_WORKING_DAYS,
    },
  };
}
