/**
 * 登录. In development mode the person picks one of the demo users the API lists (`GET /dev/tokens`); with an
 * identity provider this page hands over to it.
 */
import { Alert, Button, Card, Select, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';

import { identityProvider } from '../auth';
import { demoUsers, developmentProvider } from '../auth/dev-provider';
import type { DemoUser } from '../auth/dev-provider';
import { bodyName, roleName } from '../labels';
import { IdentityProviderSignIn } from './IdentityProviderSignIn';

/** The sign-in page of the provider in force: the identity provider's, or the demo users'. */
export function SignInPage({ onSignedIn }: { readonly onSignedIn: () => void }) {
  const idp = identityProvider();
  return idp ? <IdentityProviderSignIn provider={idp} /> : <DemoSignIn onSignedIn={onSignedIn} />;
}

function DemoSignIn({ onSignedIn }: { readonly onSignedIn: () => void }) {
  const [users, setUsers] = useState<DemoUser[] | undefined>();
  const [chosen, setChosen] = useState<string | undefined>();

  useEffect(() => {
    demoUsers().then(setUsers, () => setUsers([]));
  }, []);

  return (
    <main className="wb-main">
      <Card
        title={<h1 style={{ fontSize: 20, margin: 0 }}>容错纠错免责减责 工作台 · 登录</h1>}
        style={{ maxWidth: 640, margin: '48px auto' }}
      >
        {users && users.length === 0 ? (
          <Alert type="warning" showIcon title="本服务未开启开发模式，请通过统一身份认证登录" />
        ) : (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Typography.Paragraph>开发模式：选择一名演示用户登录。</Typography.Paragraph>
            <label htmlFor="demo-user">演示用户</label>
            <Select
              id="demo-user"
              showSearch
              style={{ width: '100%' }}
              placeholder="请选择演示用户"
              loading={!users}
              value={chosen}
              onChange={setChosen}
              optionFilterProp="label"
              options={(users ?? []).map((u) => ({
                value: u.sub,
                label: `${u.name ?? u.sub}（${u.sub}）${u.body ? ` ${bodyName(u.body)}` : ''} ${roleName(u.role)}`,
              }))}
            />
            <Button
              type="primary"
              disabled={!chosen}
              onClick={() => {
                const user = users?.find((u) => u.sub === chosen);
                if (!user) return;
                developmentProvider.signIn(user);
                onSignedIn();
              }}
            >
              登录
            </Button>
          </Space>
        )}
      </Card>
    </main>
  );
}
