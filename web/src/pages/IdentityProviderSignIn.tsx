/**
 * 登录 with the city's identity provider (统一身份认证): one button that hands over to the provider's own login
 * page, which sends the person back signed in; a sign-in that did not complete says so.
 */
import { Alert, Button, Card, Space, Typography } from 'antd';
import { useState } from 'react';

import type { OidcSignInProvider } from '../auth/oidc-provider';

export function IdentityProviderSignIn({ provider }: { readonly provider: OidcSignInProvider }) {
  const [leaving, setLeaving] = useState(false);
  const [problem, setProblem] = useState(provider.failure);
  return (
    <main className="wb-main">
      <Card
        title={<h1 style={{ fontSize: 20, margin: 0 }}>容错纠错免责减责 工作台 · 登录</h1>}
        style={{ maxWidth: 640, margin: '48px auto' }}
      >
        <Space direction="vertical" style={{ width: '100%' }}>
          {problem ? <Alert type="error" showIcon title={problem} /> : null}
          <Typography.Paragraph>请通过本市统一身份认证登录；登录后回到工作台。</Typography.Paragraph>
          <Button
            type="primary"
            loading={leaving}
            onClick={() => {
              setLeaving(true);
              provider.signIn().catch(() => {
                setLeaving(false);
                setProblem('无法连接统一身份认证，请稍后再试');
              });
            }}
          >
            统一身份认证登录
          </Button>
        </Space>
      </Card>
    </main>
  );
}
