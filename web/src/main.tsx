/**
 * The workbench's entry: Ant Design in Chinese, its component styles from the static stylesheet (zero runtime), only
 * its design tokens written at run time, under the page's CSP nonce.
 */
import 'antd/dist/antd.css';
import './workbench.css';

import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

import { initSignIn } from './auth';
import { Workbench } from './Workbench';

/** The nonce the API gave this answer of the page (api/web/workbench.ts): Ant Design's style elements carry it. */
const nonce = document.querySelector('meta[name="csp-nonce"]')?.getAttribute('content') ?? undefined;

// The sign-in is known (and a sign-in the identity provider just sent back is completed) before the first page.
await initSignIn().catch(() => undefined);

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <ConfigProvider locale={zhCN} theme={{ zeroRuntime: true }} csp={{ nonce }} button={{ autoInsertSpace: false }}>
      <AntApp>
        <Workbench />
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
