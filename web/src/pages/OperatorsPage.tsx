/** 运维: loading next year's holiday arrangement over `POST /calendar/years/{year}`, its errors shown beside the fields. */
import { Alert, Card, InputNumber, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';

import { apiCall } from '../api/http';
import { operations } from '../api/openapi';
import type { JsonSchema } from '../api/openapi';
import { SchemaForm } from '../forms/SchemaForm';

export function OperatorsPage() {
  const [schema, setSchema] = useState<JsonSchema | undefined>();
  const [year, setYear] = useState<number>(new Date().getFullYear() + 1);
  const [result, setResult] = useState<string | undefined>();

  useEffect(() => {
    operations().then((ops) => setSchema(ops.get('loadHolidayArrangement')?.requestSchema));
  }, []);

  return (
    <>
      <Typography.Title level={2} style={{ fontSize: 22 }}>
        运维
      </Typography.Title>
      <Card title={<h2 className="ant-card-head-title-text">载入节假日安排</h2>}>
        <Typography.Paragraph>
          按国务院办公厅的节假日安排通知，逐日录入放假日期和调休上班日期；载入后，含临时期限的案件重新计算期限。各案件在
          Temporal Web UI 中的工作流，见台账。
        </Typography.Paragraph>
        <label htmlFor="calendar-year">年份（路径）</label>{' '}
        <InputNumber id="calendar-year" value={year} onChange={(v) => setYear(Number(v))} min={2004} max={2099} />
        {result ? <Alert style={{ marginTop: 16 }} type="success" showIcon title={result} /> : null}
        <div style={{ marginTop: 16 }}>
          {schema ? (
            <SchemaForm
              name="calendar"
              schema={schema}
              submitText="预览"
              onSubmit={async (body) => {
                const answer = await apiCall<{ calendarVersion: string; deadlinesMoved: unknown[] }>(
                  'POST',
                  `/calendar/years/${year}?dryRun=true`,
                  body,
                );
                setResult(`预览：日历版本 ${answer.calendarVersion}，将移动 ${answer.deadlinesMoved.length} 个期限`);
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
