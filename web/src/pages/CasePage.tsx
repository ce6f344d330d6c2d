/**
 * 一件案件: the header (party, body, stage, next deadline), the five parts of the procedure, the deadlines with their
 * working days left, the timeline with who did what and when, and each action open to the signed-in person as a
 * form built from the API's request schema.
 */
import { Alert, App, Card, Collapse, Descriptions, Empty, Spin, Steps, Table, Tag, Timeline, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';

import { getCase } from '../api/cases';
import type { CaseView } from '../api/cases';
import { ApiProblem, apiCall } from '../api/http';
import { operations } from '../api/openapi';
import type { Operation } from '../api/openapi';
import type { SignedInUser } from '../auth';
import { DeadlineTag } from '../components/DeadlineTag';
import { SchemaForm } from '../forms/SchemaForm';
import { beijingDateTime } from '../format';
import { actionName, bodyName, labels, outcomeName, roleName, situationName, stageName } from '../labels';
import { nextDeadline } from '../work';

/** The early exits are three actions of one route, told apart by `exit`. */
const EARLY_EXITS = new Set(['exclude', 'closeDirectly', 'findUnfounded']);

/** The operation an action is sent to, with the schema of the request it takes. */
export function operationFor(action: string, ops: Map<string, Operation>): Operation | undefined {
  if (!EARLY_EXITS.has(action)) return ops.get(action);
  const op = ops.get('earlyExit');
  const branch = op?.requestSchema?.oneOf?.find((b) => b.properties?.exit?.const === action);
  return op && branch ? { ...op, requestSchema: branch } : undefined;
}

/** Whether the signed-in person's role may take `action` now. */
const mayTake = (c: CaseView, user: SignedInUser, action: string) =>
  c.allowedActions.some((a) => a.action === action && a.roles.includes(user.role));

function ProcedureSteps({ stage }: { readonly stage: string }) {
  const phase = (labels.phaseOfStage as Record<string, number>)[stage] ?? 0;
  const finished = stage === 'closed';
  return (
    <Steps
      aria-label="办理程序"
      current={phase}
      status={stage === 'declined' ? 'error' : finished ? 'finish' : 'process'}
      items={labels.phases.map((title) => ({ title }))}
    />
  );
}

export function CasePage({ caseNumber, user }: { readonly caseNumber: string; readonly user: SignedInUser }) {
  const { message } = App.useApp();
  const [view, setView] = useState<CaseView | undefined>();
  const [ops, setOps] = useState<Map<string, Operation> | undefined>();
  const [error, setError] = useState<string | undefined>();

  const reload = useCallback(async () => {
    try {
      setView(await getCase(caseNumber));
    } catch (err) {
      setError(err instanceof ApiProblem ? err.detail : '无法读取案件');
    }
  }, [caseNumber]);

  useEffect(() => {
    void reload();
    operations().then(setOps, () => setError('无法读取接口说明'));
  }, [reload]);

  if (error) return <Alert type="error" showIcon title={error} role="alert" />;
  if (!view || !ops) return <Spin tip="正在读取案件" />;

  const party = view.submission.party;
  const next = nextDeadline(view.deadlines);
  const mine = view.allowedActions.filter((a) => mayTake(view, user, a.action));

  /** Sends an action; a leadership decision is applied a moment later, so the case is read until it has moved. */
  const act = async (op: Operation, body: Record<string, unknown>) => {
    const before = view.timeline.length;
    await apiCall('POST', op.path.replace('{caseNumber}', encodeURIComponent(caseNumber)), body);
    message.success(`已办理：${op.summary}`);
    for (let i = 0; i < 30; i++) {
      const fresh = await getCase(caseNumber);
      if (fresh.timeline.length !== before || i === 29) {
        setView(fresh);
        return;
      }
      await new Promise((r) => setTimeout(r, 300));
    }
  };

  return (
    <>
      <Typography.Title level={2} style={{ fontSize: 22 }}>
        {view.caseNumber}
      </Typography.Title>
      <Card>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2, xl: 3 }}
          items={[
            ...(party ? [{ key: 'party', label: '当事人', children: `${party.name}（${party.unit}）` }] : []),
            { key: 'body', label: '受理机关', children: bodyName(view.handlingBody) },
            { key: 'situation', label: '所属情形', children: situationName(view.submission.situation) },
            {
              key: 'stage',
              label: '所处阶段',
              children: <span data-testid="case-stage">{stageName(view.stage)}</span>,
            },
            {
              key: 'next',
              label: '下一期限',
              children: next ? <DeadlineTag deadline={next} /> : '无',
            },
            ...(view.outcome ? [{ key: 'outcome', label: '结论', children: outcomeName(view.outcome) }] : []),
            ...(view.caseOfficer ? [{ key: 'officer', label: '承办人', children: view.caseOfficer }] : []),
          ]}
        />
        <div style={{ marginTop: 16 }}>
          <ProcedureSteps stage={view.stage} />
        </div>
        <div style={{ marginTop: 8 }}>
          {view.fastTrack || view.submission.fastTrack ? <Tag color="purple">快查快结</Tag> : null}
          {view.deadlines.some((d) => d.provisional) ? <Tag color="gold">临时期限</Tag> : null}
          {view.clockPaused ? <Tag>暂停计时</Tag> : null}
        </div>
      </Card>

      <Card
        title={<h2 className="ant-card-head-title-text">待办事项</h2>}
        style={{ marginTop: 16 }}
        data-testid="open-actions"
      >
        {mine.length === 0 ? (
          <Empty description="您在本案没有待办事项" />
        ) : (
          <Collapse
            items={mine.map((a) => {
              const op = operationFor(a.action, ops);
              return {
                key: a.action,
                label: actionName(a.action),
                children: op?.requestSchema ? (
                  <>
                    {op.description ? (
                      <Typography.Paragraph type="secondary">{op.description}</Typography.Paragraph>
                    ) : null}
                    <SchemaForm
                      name={a.action}
                      schema={op.requestSchema}
                      context={{ situation: view.submission.situation }}
                      submitText={`提交：${actionName(a.action)}`}
                      onSubmit={(body) => act(op, body)}
                    />
                  </>
                ) : (
                  <Alert type="warning" title="接口说明中没有此事项" />
                ),
              };
            })}
          />
        )}
      </Card>

      <Card title={<h2 className="ant-card-head-title-text">期限</h2>} style={{ marginTop: 16 }}>
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={[...view.deadlines]}
          columns={[
            { title: '期限', dataIndex: 'clause' },
            { title: '工作日', dataIndex: 'workingDays', width: 80 },
            {
              title: '截止（北京时间）与剩余工作日',
              key: 'due',
              render: (_: unknown, d) => <DeadlineTag deadline={d} />,
            },
            { title: '状态', dataIndex: 'status', width: 100, render: (s: string) => DEADLINE_STATUS[s] ?? s },
          ]}
        />
      </Card>

      <Card title={<h2 className="ant-card-head-title-text">办理过程</h2>} style={{ marginTop: 16 }}>
        <Timeline
          data-testid="timeline"
          items={view.timeline.map((t) => ({
            key: `${t.at}-${t.kind}`,
            children: (
              <>
                <Typography.Text strong>{beijingDateTime(t.at)}</Typography.Text>{' '}
                {t.actor ? (
                  <Typography.Text type="secondary">
                    {t.actor.id}（{roleName(t.actor.role)}）
                  </Typography.Text>
                ) : null}
                <div>{t.summary}</div>
              </>
            ),
          }))}
        />
      </Card>
    </>
  );
}

const DEADLINE_STATUS: Record<string, string> = { running: '计时中', paused: '暂停', met: '已完成', overdue: '已超期' };
