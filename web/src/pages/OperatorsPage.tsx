/**
 * 运维: loading a year's holiday arrangement over `POST /calendar/years/{year}`: first a preview (`dryRun=true`) that
 * names the running deadlines the load would move, then the load itself, confirmed with the preview's calendar
 * version. The API's errors are shown beside the fields they name.
 */
import { Alert, Button, Card, InputNumber, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';

import { ApiProblem, apiCall } from '../api/http';
import { operations } from '../api/openapi';
import type { JsonSchema } from '../api/openapi';
import { SchemaForm } from '../forms/SchemaForm';

interface Loaded {
  readonly calendarVersion: string;
  readonly deadlinesMoved: readonly unknown[];
  readonly casesSignalled?: number;
}

export function OperatorsPage() {
  const [schema, setSchema] = useState<JsonSchema | undefined>();
  const [year, setYear] = useState<number>(new Date().getFullYear() + 1);
  const [preview, setPreview] = useState<{ body: Record<string, unknown>; answer: Loaded } | undefined>();
  const [outcome, setOutcome] = useState<{ type: 'success' | 'error'; text: string } | undefined>();

  useEffect(() => {
    operations().then((ops) => setSchema(ops.get('loadHolidayArrangement')?.requestSchema));
  }, []);

  const load = async () => {
    if (!preview) return;
    try {
      const answer = await apiCall<Loaded>(
        'POST',
        `/calendar/years/${year}?confirm=${encodeURIComponent(preview.answer.calendarVersion)}`,
        preview.body,
      );
      setOutcome({
        type: 'success',
        text: `已载入${year}年节假日安排，通知 ${answer.casesSignalled ?? 0} 件案件重新计算期限`,
      });
      setPreview(undefined);
    } catch (err) {
      setOutcome({ type: 'error', text: err instanceof ApiProblem ? err.detail : '载入未成功' });
    }
  };

  return (
    <>
      <Typography.Title level={2} style={{ fontSize: 22 }}>
        运维
      </Typography.Title>
      <Card title={<h2 className="ant-card-head-title-text">载入节假日安排</h2>}>
        <Typography.Paragraph>
          按国务院办公厅的节假日安排通知，逐日录入放假日期和调休上班日期，先预览将调整的在办期限，再确认载入；载入后，含临时期限的案件重新计算期限。各案件在
          Temporal Web UI 中的工作流，见台账。
        </Typography.Paragraph>
        <label htmlFor="calendar-year">载入年份</label>{' '}
        <InputNumber id="calendar-year" value={year} onChange={(v) => setYear(Number(v))} min={2004} max={2099} />
        {preview ? (
          <Alert
            style={{ marginTop: 16 }}
            type="info"
            showIcon
            title={`预览：日历版本 ${preview.answer.calendarVersion}，将调整 ${preview.answer.deadlinesMoved.length} 个在办期限`}
            action={
              <Button type="primary" onClick={() => void load()}>
                确认载入
              </Button>
            }
          />
        ) : null}
        {outcome ? (
          <Alert style={{ marginTop: 16 }} type={outcome.type} showIcon role="status" title={outcome.text} />
        ) : null}
        <div style={{ marginTop: 16 }}>
          {schema ? (
            <SchemaForm
              name="calendar"
              schema={schema}
              submitText="预览"
              onSubmit={async (body) => {
                setOutcome(undefined);
                const answer = await apiCall<Loaded>('POST', `/calendar/years/${year}?dryRun=true`, body);
                setPreview({ body, answer });
              }}
            />
          ) : (
            <Spin />
          )}
        </div>
      </Card>
    </>
  );
}
