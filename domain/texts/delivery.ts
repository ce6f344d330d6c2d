/**
 * How a refused delivery reads in the timeline: a notice the transport refused outright, or an archive entry the
 * archive service refused, each left to a person (需人工处理) and kept for 责任倒查.
 */
import type { ArchiveReceipt } from '../case';
import type { NoticeKind } from '../labels';
import { NOTICE_KIND_NAMES } from '../labels';
import { ARCHIVE_FILE_NAMES } from './conclusion';

/** The timeline's words for a refused delivery. */
export const DELIVERY_TEXTS = {
  /** The receiver (notice gateway, archive service) refused the request itself, with its HTTP status. */
  receiverRefused: (status: number) => `接收方拒收（状态码 ${status}）`,
  /** A notice refused by the transport, named by its kind. */
  noticeRefused: (kind: NoticeKind, reason: string) =>
    `通知未能送达，已被拒收，需人工处理（${NOTICE_KIND_NAMES[kind]}）：${reason}`,
  /** An entry refused by the archive (存入干部人事档案和廉政档案 stays owed). */
  archiveRefused: (file: ArchiveReceipt['file'], reason: string) =>
    `档案系统拒收（${ARCHIVE_FILE_NAMES[file]}），需人工处理：${reason}`,
} as const;
