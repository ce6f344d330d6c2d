/**
 * 待办: the cases where the signed-in person has an action open, the next deadline first, with the step, the working
 * days left (red overdue, amber from the reminder day) and the 快查快结 and 临时期限 tags. Leaders find their
 * approvals here, since approvals are their open actions.
 */
import { Alert, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';

import { getCase, listCases } from '../api/cases';
import type { CaseListItem, CaseView } from '../api/cases';
import { ApiProblem } from '../api/http';
import type { SignedInUser } from '../auth';
import { DeadlineTag } from '../components/DeadlineTag';
import { Link } from '../components/Link';
import { beijingDateTime } from '../format';
import { actionName, bodyName, stageName } from '../labels';
import { caseHref } from '../router';
import { nextDeadline } from '../work';

/** How many cases are read at once while the list is built. */
const PARALLEL = 6;

/** The level a token or a case without one belongs to (domain/org-tree.ts). */
const CITY_LEVEL = 'city';

/**
 * The cases awaiting `user`'s role: asked of the register in one list (`actionable`), or, from an API without a
 * register, `every` case listed (which visibility answers). Only these are then read one by one.
 */
async function awaiting(every: Promise<CaseListItem[]>): Promise<CaseListItem[]> {
  try {
    return await listCases({ actionable: true });
  } catch (err) {
    if (err instanceof ApiProblem && err.status === 400) return every;
    throw err;
  }
}

/**
 * The running cases of `user`'s own level in which their role has an action open, the next deadline first; and the
 * running cases of the level below, which they supervise (督办) and may read but not act on.
 */
async function myWork(user: SignedInUser): Promise<{ work: CaseView[]; supervised: CaseListItem[] }> {
  const own = user.level ?? CITY_LEVEL;
  const live = (c: CaseListItem) => c.running !== false;
  const atOwnLevel = (c: CaseListItem) => (c.level ?? CITY_LEVEL) === own;
  const every = listCases();
  const [all, candidates] = await Promise.all([every, awaiting(every)]);
  const running = candidates.filter((c) => live(c) && atOwnLevel(c));
  const supervised = all.filter((c) => live(c) && !atOwnLevel(c));
  const views: CaseView[] = [];
  for (let i = 0; i < running.length; i += PARALLEL) {
    const batch = await Promise.all(
      running.slice(i, i + PARALLEL).map((c) => getCase(c.caseNumber).catch(() => undefined)),
    );
    for (const v of batch) if (v && v.allowedActions.some((a) => a.roles.includes(user.role))) views.push(v);
  }
  const due = (v: CaseView) => nextDeadline(v.deadlines)?.dueAt ?? '9999';
  const dueListed = (c: CaseListItem) => c.nextDeadline ?? '9999';
  return {
    work: views.sort((a, b) => due(a).localeCompare(due(b))),
    supervised: supervised.sort((a, b) => dueListed(a).localeCompare(dueListed(b))),
  };
}

export function WorkListPage({ user }: { readonly user: SignedInUser }) {
  const [rows, setRows] = useState<CaseView[] | undefined>();
  const [supervised, setSupervised] = useState<CaseListItem[]>([]);
  const [error, setError] = useState<string | undefined>();

  useEffect(() => {
    myWork(user).then(
      ({ work, supervised: below }) => {
        setRows(work);
        setSupervised(below);
      },
      (err: unknown) => setError(err instanceof ApiProblem ? err.detail : '无法读取待办'),
    );
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
      {supervised.length ? (
        <>
          <Typography.Title level={3} style={{ fontSize: 18, marginTop: 24 }}>
            督办（下级办理的案件）
          </Typography.Title>
          <Table
            data-testid="supervised-list"
            rowKey="caseNumber"
            dataSource={supervised}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            columns={[
              { title: '案件编号', dataIndex: 'caseNumber', render: (n: string) => <Link to={caseHref(n)}>{n}</Link> },
              { title: '办理层级', dataIndex: 'level' },
              { title: '受理机关', dataIndex: 'handlingBody', render: (b: string) => bodyName(b) },
              { title: '所处阶段', dataIndex: 'stage', render: (s: string) => stageName(s) },
              {
                title: '下一期限（北京时间）',
                dataIndex: 'nextDeadline',
                render: (d: string | undefined, c: CaseListItem) =>
                  d ? (
                    <span>
                      {beijingDateTime(d)} {c.overdue ? <Tag color="red">已超期</Tag> : null}
                    </span>
                  ) : (
                    ''
                  ),
              },
            ]}
          />
        </>
      ) : null}
    </>
  );
}
