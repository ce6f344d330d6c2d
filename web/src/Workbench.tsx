/** The frame of every page: the header with the pages and the signed-in person, and the page of the current path. */
import { Button, Menu, Result } from 'antd';
import { useEffect, useState } from 'react';

import { currentUser, identityProvider, signOut } from './auth';
import type { SignedInUser } from './auth';
import { bodyName, roleName } from './labels';
import { APP, navigate, useLocation } from './router';
import { ApplyPage } from './pages/ApplyPage';
import { CasePage } from './pages/CasePage';
import { OperatorsPage } from './pages/OperatorsPage';
import { RegisterPage } from './pages/RegisterPage';
import { SignInPage } from './pages/SignInPage';
import { WorkListPage } from './pages/WorkListPage';

const PAGES = [
  { key: `${APP}/work`, label: '待办' },
  { key: `${APP}/register`, label: '台账' },
  { key: `${APP}/apply`, label: '事项提出' },
  { key: `${APP}/operators`, label: '运维' },
];

/** The pages each role sees in the menu. */
function pagesFor(role: string) {
  if (role === 'operator') return PAGES.filter((p) => p.key.endsWith('/operators') || p.key.endsWith('/register'));
  if (role === 'applicant') return PAGES.filter((p) => !p.key.endsWith('/operators'));
  return PAGES.filter((p) => !p.key.endsWith('/operators'));
}

function page(location: string, user: SignedInUser) {
  const path = location.split('?')[0];
  const caseMatch = /^\/app\/cases\/([^/]+)$/.exec(path);
  if (caseMatch) return <CasePage caseNumber={decodeURIComponent(caseMatch[1])} user={user} />;
  switch (path) {
    case `${APP}/register`:
      return <RegisterPage user={user} />;
    case `${APP}/apply`:
      return <ApplyPage user={user} />;
    case `${APP}/operators`:
      return <OperatorsPage />;
    case `${APP}/work`:
      return <WorkListPage user={user} />;
    default:
      return <Result status="404" title="没有这个页面" />;
  }
}

export function Workbench() {
  const location = useLocation();
  const [user, setUser] = useState<SignedInUser | undefined>(currentUser());
  const path = location.split('?')[0];

  useEffect(() => {
    if (user && (path === '/' || path === APP || path === `${APP}/`)) {
      navigate(user.role === 'operator' ? `${APP}/operators` : `${APP}/work`);
    }
  }, [user, path]);

  useEffect(() => {
    document.title = `容错纠错免责减责 工作台`;
  }, [location]);

  // A sign-in with the identity provider that expires goes back to the sign-in page, which says so.
  useEffect(() => identityProvider()?.onEnded(() => setUser(undefined)), []);

  if (!user) return <SignInPage onSignedIn={() => setUser(currentUser())} />;
  const items = pagesFor(user.role);
  return (
    <>
      <header className="wb-header">
        <h1>容错纠错免责减责 工作台</h1>
        <nav className="wb-nav" aria-label="页面">
          <Menu
            mode="horizontal"
            selectedKeys={items.filter((p) => path.startsWith(p.key)).map((p) => p.key)}
            items={items.map((p) => ({ key: p.key, label: <a href={p.key}>{p.label}</a> }))}
            onClick={({ key, domEvent }) => {
              domEvent.preventDefault();
              navigate(key);
            }}
          />
        </nav>
        <span className="wb-user" data-testid="signed-in-user">
          {user.name.includes(roleName(user.role))
            ? user.name
            : `${user.name}（${user.body ? `${bodyName(user.body)} ` : ''}${roleName(user.role)}）`}
        </span>
        <Button
          onClick={() => {
            signOut();
            setUser(undefined);
            navigate('/');
          }}
        >
          {identityProvider() ? '退出登录' : '切换用户'}
        </Button>
      </header>
      <main className="wb-main" key={user.sub}>
        {page(location, user)}
      </main>
    </>
  );
}
