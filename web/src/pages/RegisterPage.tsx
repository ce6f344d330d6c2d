/**
 * 台账: every case the signed-in person may list, with filters (stage, situation, outcome, body, overdue, fast
 * track, the party's identifier) and sortable columns. The data come from `api/cases.ts` (today `GET /cases`).
 */
import { Alert, Button, Form, Input, Select, Switch, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';

import { listCases } from '../api/cases';
import type { CaseFilters, CaseListItem } from '../api/cases';
import { ApiProblem } from '../api/http';
import type { SignedInUser } from '../auth';
import { Link } from '../components/Link';
import { beijingDateTime } from '../format';
import { bodyName, labels, outcomeName, situationName, stageName } from '../labels';
import { caseHref } from '../router';
import { temporalUiHref } from '../temporal-ui';

const options = (names: Record<string, string>) => Object.entries(names).map(([value, label]) => ({ value, label }));

interface Filters extends CaseFilters {
  readonly situation?: string;
}

export function RegisterPage({ user }: { readonly user: SignedInUser }) {
  const [rows, setRows] = useState<CaseListItem[] | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [filters, setFilters] = useState<Filters>({});

  const load = useCallback(async (f: Filters) => {
    setRows(undefined);
    setError(undefined);
    const { situation, ...apiFilters } = f;
    try {
      const cases = await listCases(apiFilters);
      // The list API has no situation filter: the page narrows what it listed.
      setRows(situation ? cases.filter((c) => c.situation === situation) : cases);
    } catch (err) {
      setError(err instanceof ApiProblem ? err.detail : '无法读取台账');
      setRows([]);
    }
  }, []);

  useEffect(() => {
    void load({});
  }, [load]);

  const operator = user.role === 'operator';
  return (
    <>
      <Typography.Title level={2} style={{ fontSize: 22 }}>
        台账
      </Typography.Title>
      {operator ? null : (
        <Form
          layout="inline"
          name="register-filters"
          onFinish={(v: Filters) => {
            setFilters(v);
            void load(v);
          }}
          style={{ marginBottom: 16, rowGap: 8 }}
        >
          <Form.Item name="stage" label="所处阶段">
            <Select allowClear style={{ width: 170 }} options={options(labels.stages)} placeholder="全部" />
          </Form.Item>
          <Form.Item name="situation" label="所属情形">
            <Select allowClear style={{ width: 190 }} options={options(labels.situations)} placeholder="全部" />
          </Form.Item>
          <Form.Item name="outcome" label="结论">
            <Select allowClear style={{ width: 130 }} options={options(labels.outcomes)} placeholder="全部" />
          </Form.Item>
          <Form.Item name="handlingBody" label="受理机关">
            <Select allowClear style={{ width: 230 }} options={options(labels.handlingBodies)} placeholder="全部" />
          </Form.Item>
          <Form.Item name="overdue" label="仅超期" valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item name="fastTrack" label="仅快查快结" valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item name="party" label="当事人证件号码">
            <Input style={{ width: 200 }} />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            查询
          </Button>
        </Form>
      )}
      {error ? <Alert type="error" showIcon role="alert" title={error} /> : null}
      <Table
        data-testid="register"
        rowKey="caseNumber"
        loading={!rows}
        dataSource={rows ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: Object.keys(filters).length ? '没有符合条件的案件' : '暂无案件' }}
        columns={[
          {
            title: '案件编号',
            dataIndex: 'caseNumber',
            sorter: (a, b) => a.caseNumber.localeCompare(b.caseNumber),
            render: (n: string) => (operator ? n : <Link to={caseHref(n)}>{n}</Link>),
          },
          ...(operator
            ? [
                {
                  title: 'Temporal Web UI',
                  key: 'temporal',
                  render: (_: unknown, c: CaseListItem) => {
                    const href = temporalUiHref(c.caseNumber);
                    return href ? (
                      <a href={href} target="_blank" rel="noreferrer">
                        在 Web UI 中查看 {c.caseNumber} 的工作流
                      </a>
                    ) : (
                      '未配置 TEMPORAL_UI_URL'
                    );
                  },
                },
              ]
            : [
                {
                  title: '所处阶段',
                  dataIndex: 'stage',
                  sorter: (a: CaseListItem, b: CaseListItem) => (a.stage ?? '').localeCompare(b.stage ?? ''),
                  render: (s: string) => stageName(s),
                },
                {
                  title: '所属情形',
                  dataIndex: 'situation',
                  sorter: (a: CaseListItem, b: CaseListItem) => (a.situation ?? '').localeCompare(b.situation ?? ''),
                  render: (s: string) => situationName(s),
                },
                { title: '受理机关', dataIndex: 'handlingBody', render: (b: string) => bodyName(b) },
                { title: '结论', dataIndex: 'outcome', render: (o: string) => outcomeName(o) },
                {
                  title: '下一期限（北京时间）',
                  dataIndex: 'nextDeadline',
                  defaultSortOrder: 'ascend' as const,
                  sorter: (a: CaseListItem, b: CaseListItem) =>
                    (a.nextDeadline ?? '9999').localeCompare(b.nextDeadline ?? '9999'),
                  render: (d: string | undefined, c: CaseListItem) =>
                    d ? (
                      <span>
                        {beijingDateTime(d)} {c.overdue ? <Tag color="red">已超期</Tag> : null}
                      </span>
                    ) : (
                      ''
                    ),
                },
                {
                  title: '标记',
                  key: 'tags',
                  render: (_: unknown, c: CaseListItem) => (
                    <>
                      {c.fastTrack ? <Tag color="purple">快查快结</Tag> : null}
                      {c.provisionalDeadline ? <Tag color="gold">临时期限</Tag> : null}
                      {c.running === false ? <Tag>已结束</Tag> : null}
                    </>
                  ),
                },
              ]),
        ]}
      />
    </>
  );
}
