/**
 * A real browser on the workbench: Debian's Chromium (/usr/bin/chromium, or CHROMIUM_PATH) driven by
 * playwright-core, against a test stack's API, which serves the built workbench at `/`. Helpers act as a person
 * does: through the pages' labels, buttons and links.
 */
import { existsSync } from 'node:fs';

import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { chromium } from 'playwright-core';

/** The system Chromium; no browser is downloaded. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The common office screen the workbench is made for. */
export const OFFICE_SCREEN = { width: 1366, height: 768 } as const;

/** Starts Chromium headless. */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: install Debian's chromium package`);
  return chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
}

/** What the page's Content-Security-Policy refused: the directive, the file and the sample of what was refused. */
export interface CspViolation {
  readonly directive: string;
  readonly source: string;
  readonly sample: string;
}

/** A fresh page at 1366×768 in Chinese, collecting console errors and the CSP's refusals. */
export async function openPage(browser: Browser, baseUrl: string): Promise<{ page: Page; consoleErrors: string[] }> {
  const context = await browser.newContext({ viewport: OFFICE_SCREEN, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  // Browser code as text: the tests' TypeScript has no DOM types, and this runs in the page, not in jest.
  await page.addInitScript(`
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.cspViolations.push({ directive: e.violatedDirective, source: e.sourceFile, sample: e.sample }));
  `);
  const consoleErrors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(e.message));
  // A bound, not a measure: under the full suite the two cores also run the other tests, the worker's documents and
  // the register's projections, and an action's answer has taken over 20 s there.
  page.setDefaultTimeout(45_000);
  await page.goto(baseUrl);
  return { page, consoleErrors };
}

/**
 * The CSP's refusals on the page so far, but for two probes of Ant Design's style helper that carry no nonce: an
 * empty style element it inserts to find where its styles go (and removes at once), and the rule it inserts to
 * measure the scrollbar's width (refused, the measurement reads the browser's own scrollbar). Nothing the page
 * shows depends on either; every other style and every script must pass.
 */
export async function cspViolations(page: Page): Promise<CspViolation[]> {
  const all = (await page.evaluate('window.cspViolations')) as CspViolation[];
  const probe = (v: CspViolation) =>
    v.directive === 'style-src-elem' && (v.sample === '' || v.sample.startsWith('#rc-scrollbar-measure-'));
  return all.filter((v) => !probe(v));
}

/** Signs in as a demo user on the sign-in page (development mode), switching user first when one is signed in. */
export async function signInAs(page: Page, sub: string): Promise<void> {
  const switchUser = page.getByRole('button', { name: '切换用户' });
  if (await switchUser.isVisible()) await switchUser.click();
  const picker = page.getByLabel('演示用户');
  await picker.click();
  await picker.fill(sub);
  await page
    .locator('.ant-select-item-option')
    .filter({ hasText: `（${sub}）` })
    .first()
    .click();
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByTestId('signed-in-user').waitFor();
}

/** The serious and critical accessibility violations axe finds on the page as it is. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary}`).join(', ')}`,
    );
}
