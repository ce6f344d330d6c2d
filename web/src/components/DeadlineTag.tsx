/**
 * A deadline as officers read it: its due date in Beijing time and the working days left (counted by the API), red
 * once overdue, amber from the reminder day on.
 */
import { Tag } from 'antd';

import type { CaseDeadline } from '../api/cases';
import { beijingDateTime } from '../format';

/** The tag's colour: red overdue, amber on or after the reminder day, blue otherwise. */
export function deadlineColour(d: CaseDeadline, now = new Date()): 'red' | 'orange' | 'blue' | 'default' {
  if (d.status === 'overdue' || (d.workingDaysLeft !== undefined && d.workingDaysLeft < 0)) return 'red';
  if (d.status !== 'running') return 'default';
  if (d.remindAt && Date.parse(d.remindAt) <= now.getTime()) return 'orange';
  return 'blue';
}

/** 剩余N个工作日, 今日到期 or 已超期N个工作日. */
export function daysLeftText(d: CaseDeadline): string {
  if (d.status === 'met') return '已按期完成';
  if (d.status === 'paused') return '暂停计时';
  const left = d.workingDaysLeft;
  if (left === undefined) return '';
  if (left < 0) return `已超期${-left}个工作日`;
  if (d.status === 'overdue') return '已超期';
  return left === 0 ? '已过最后一个工作日' : `剩余${left}个工作日`;
}

export function DeadlineTag({ deadline }: { readonly deadline: CaseDeadline }) {
  return (
    <Tag color={deadlineColour(deadline)} data-testid="deadline-tag">
      {beijingDateTime(deadline.dueAt)}前 · {daysLeftText(deadline)}
    </Tag>
  );
}
