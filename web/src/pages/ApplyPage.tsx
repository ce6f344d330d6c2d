/**
 * 事项提出: the applicant's written application about themself, or an officer's submission of a case the organisation
 * raises, in the form of `POST /cases`; beside it the eight situations with their conditions in the seed's words.
 */
import { Alert, Card, Col, Collapse, Row, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';

import { submitCase } from '../api/cases';
import { operations } from '../api/openapi';
import type { JsonSchema } from '../api/openapi';
import type { SignedInUser } from '../auth';
import { SchemaForm } from '../forms/SchemaForm';
import { labels } from '../labels';
import { caseHref, navigate } from '../router';

/** 快查快结 and 事前申请 are the accepting body's to decide: the API refuses them from an applicant. */
const APPLICANT_OMITS = ['fastTrack', 'preFiling'];

function Situations() {
  return (
    <Collapse
      items={labels.situationOrder.map((s, i) => ({
        key: s,
        label: `（${'一二三四五六七八'[i]}）${labels.situations[s]}`,
        children: (
          <ul>
            {Object.values(labels.situationConditions[s] ?? {}).map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
        ),
      }))}
    />
  );
}

export function ApplyPage({ user }: { readonly user: SignedInUser }) {
  const [schema, setSchema] = useState<JsonSchema | undefined>();
  const [error, setError] = useState<string | undefined>();

  useEffect(() => {
    operations().then(
      (ops) => setSchema(ops.get('submitCase')?.requestSchema?.properties?.submission),
      () => setError('无法读取接口说明'),
    );
  }, []);

  const applicant = user.role === 'applicant';
  return (
    <>
      <Typography.Title level={2} style={{ fontSize: 22 }}>
        事项提出
      </Typography.Title>
      <Typography.Paragraph>
        {applicant
          ? '干部本人对照下列八种情形，以书面形式提出容错纠错免责减责申请。'
          : '组织研判认为符合下列情形的，以组织名义提出容错纠错免责减责事项。'}
      </Typography.Paragraph>
      {error ? <Alert type="error" role="alert" showIcon title={error} /> : null}
      <Row gutter={16}>
        <Col xs={24} lg={15}>
          <Card title={<h2 className="ant-card-head-title-text">{applicant ? '申请书' : '提出事项'}</h2>}>
            {schema ? (
              <SchemaForm
                name="submission"
                schema={schema}
                omit={applicant ? APPLICANT_OMITS : undefined}
                submitText="提交"
                onSubmit={async (submission) => {
                  const { caseNumber } = await submitCase(submission);
                  navigate(caseHref(caseNumber));
                }}
              />
            ) : (
              <Spin />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={9}>
          <Card title={<h2 className="ant-card-head-title-text">八种情形及其条件</h2>}>
            <Situations />
          </Card>
        </Col>
      </Row>
    </>
  );
}
