/**
 * 待办: the cases where the signed-in person has an action open, the next deadline first, with the step, the working
 * days left (red overdue, amber from the reminder day) and the 快查快结 and 临时期限 tags. Leaders find their
 * approvals here, since approvals are their open actions.
 */
import { Alert, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';

import { getCase, listCases } from '../api/cases';
import type { CaseView } from '../api/cases';
import { ApiProblem } from '../api/http';
import type { SignedInUser } from '../auth';
import { DeadlineTag } from '../components/DeadlineTag';
import { Link } from '../components/Link';
import { actionName, stageName } from '../labels';
import { caseHref } from '../router';
import { nextDeadline } from '../work';

/** How many cases are read at once while the list is built. */
const PARALLEL = 6;

/** The running cases in which `user`'s role has an action open, the next deadline first. */
async function myWork(user: SignedInUser): Promise<CaseView[]> {
  const running = (await listCases()).filter((c) => c.running !== false);
  const views: CaseView[] = [];
  for (let i = 0; i < running.length; i += PARALLEL) {
    const batch = await Promise.all(
      running.slice(i, i + PARALLEL).map((c) => getCase(c.caseNumber).catch(() => undefined)),
    );
    for (const v of batch) if (v && v.allowedActions.some((a) => a.roles.includes(user.role))) views.push(v);
  }
  const due = (v: CaseView) => nextDeadline(v.deadlines)?.dueAt ?? '9999';
  return views.sort((a, b) => due(a).localeCompare(due(b)));
}

export function WorkListPage({ user }: { readonly user: SignedInUser }) {
  const [rows, setRows] = useState<CaseView[] | undefined>();
  const [error, setError] = useState<string | undefined>();

  useEffect(() => {
    myWork(user).then(setRows, (err: unknown) => setError(err instanceof ApiProblem ? err.detail : '无法读取待办'));
  }, [user]);

  return (
    <>
      <Typography.Title level={2} style={{ fontSize: 22 }}>
        待办
      </Typography.Title>
      {error ? <Alert type="error" showIcon role="alert" title={error} /> : null}
      <Table
        data-testid="work-list"
        rowKey="caseNumber"
        loading={!rows && !error}
        dataSource={rows ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: '暂无待办事项' }}
        columns={[
          {
            title: '案件编号',
            dataIndex: 'caseNumber',
            render: (n: string) => <Link to={caseHref(n)}>{n}</Link>,
          },
          {
            title: '当事人',
            key: 'party',
            render: (_: unknown, v) => v.submission.party?.name ?? '',
          },
          { title: '所处阶段', dataIndex: 'stage', render: (s: string) => stageName(s) },
          {
            title: '待办事项',
            key: 'actions',
            render: (_: unknown, v) =>
              v.allowedActions
                .filter((a) => a.roles.includes(user.role))
                .map((a) => actionName(a.action))
                .join('、'),
          },
          {
            title: '下一期限',
            key: 'deadline',
            render: (_: unknown, v) => {
              const d = nextDeadline(v.deadlines);
              return d ? <DeadlineTag deadline={d} /> : '无';
            },
          },
          {
            title: '标记',
            key: 'tags',
            render: (_: unknown, v) => (
              <>
                {v.fastTrack || v.submission.fastTrack ? <Tag color="purple">快查快结</Tag> : null}
                {v.deadlines.some((d) => d.provisional && d.status === 'running') ? (
                  <Tag color="gold">临时期限</Tag>
                ) : null}
              </>
            ),
          },
        ]}
      />
    </>
  );
}
