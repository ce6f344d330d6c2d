/**
 * The workbench's entry: Ant Design in Chinese, its component styles from the static stylesheet (zero runtime), only
 * its design tokens written at run time, under the page's CSP nonce.
 */
import 'antd/dist/antd.css';
import './workbench.css';

import { App as AntApp, ConfigProvider } from 'antd';
import type { ThemeConfig } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

import { initSignIn } from './auth';
import { Workbench } from './Workbench';

/**
 * Ant Design's look with darker secondary texts, primary and error colours: its defaults fall short of WCAG AA
 * contrast (4.5:1) on white, which officers reading at 150% zoom on office screens need.
 */
const THEME: ThemeConfig = {
  zeroRuntime: true,
  token: {
    colorPrimary: '#0958d9',
    colorLink: '#0958d9',
    colorError: '#cf1322',
    colorTextSecondary: 'rgba(0, 0, 0, 0.68)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
    colorTextDescription: 'rgba(0, 0, 0, 0.62)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.6)',
  },
};

/** The nonce the API gave this answer of the page (api/web/workbench.ts): Ant Design's style elements carry it. */
const nonce = document.querySelector('meta[name="csp-nonce"]')?.getAttribute('content') ?? undefined;

// The sign-in is known (and a sign-in the identity provider just sent back is completed) before the first page.
await initSignIn().catch(() => undefined);

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <ConfigProvider locale={zhCN} theme={THEME} csp={{ nonce }} button={{ autoInsertSpace: false }}>
      <AntApp>
        <Workbench />
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
