/**
 * The workbench is served by the API at `/` on the same origin, under the API's strict CSP, without shadowing any
 * API route; development mode signs in as a demo user.
 */
import type { Browser } from 'playwright-core';

import { cspViolations, launchBrowser, openPage, signInAs } from '../helpers/browser';
import { field, fieldError, fill } from '../helpers/workbench-pages';
import type { Stack } from '../helpers/api';
import { api, startStack } from '../helpers/api';
import { application } from '../helpers/cases';

/** The Web UI this stack's API names to the workbench (nothing listens there: only the links are checked). */
const TEMPORAL_UI = 'http://127.0.0.1:8233';

let stack: Stack;
let browser: Browser;

beforeAll(async () => {
  [stack, browser] = await Promise.all([startStack({ temporalUiUrl: TEMPORAL_UI }), launchBrowser()]);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe('the workbench is served by the API', () => {
  it('answers its page at / and at every /app path, and the API routes beside it still answer as before', async () => {
    const http = api(stack);
    for (const path of ['/', '/app/work', '/app/cases/%E5%AE%9B%E7%BA%AA%E5%AE%B9']) {
      const res = await fetch(`${stack.baseUrl}${path}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/text\/html/);
      expect(res.headers.get('content-security-policy')).toMatch(
        /script-src 'self';style-src 'self' 'nonce-[A-Za-z0-9+/=]{24}'/,
      );
    }
    expect((await http.get('/healthz')).body).toEqual({ status: 'ok' });
    expect((await http.get('/openapi.json')).body?.openapi).toBe('3.1.0');
    expect((await http.get('/dev/tokens')).status).toBe(200);
    expect((await http.get('/cases')).status).toBe(401);
    expect((await http.get('/no-such-route', 'officer.dc')).status).toBe(404);
    expect((await fetch(`${stack.baseUrl}/assets/missing.js`)).status).toBe(404);
  });

  it('sends its scripts and styles compressed to a browser that accepts gzip, and the API’s case data never', async () => {
    const page = await (await fetch(`${stack.baseUrl}/`)).text();
    const assets = [...page.matchAll(/(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
    expect(assets.length).toBeGreaterThan(1);
    for (const asset of assets) {
      const res = await fetch(`${stack.baseUrl}${asset}`, { headers: { 'accept-encoding': 'gzip' } });
      expect({ asset, status: res.status, encoding: res.headers.get('content-encoding') }).toEqual({
        asset,
        status: 200,
        encoding: 'gzip',
      });
    }
    const cases = await fetch(`${stack.baseUrl}/cases`, {
      headers: { 'accept-encoding': 'gzip', authorization: `Bearer ${stack.tokens['officer.dc']}` },
    });
    expect(cases.status).toBe(200);
    expect(cases.headers.get('content-encoding')).toBeNull();
  });

  it('signs a demo user in and shows their name and role, with no script or style refused by the CSP', async () => {
    const { page } = await openPage(browser, stack.baseUrl);
    await signInAs(page, 'officer.dc');
    await expect(page.getByTestId('signed-in-user').textContent()).resolves.toContain('承办人');
    await page.waitForURL(/\/app\/work$/);
    await page.getByRole('heading', { name: '待办' }).waitFor();
    // The design tokens Ant Design writes at run time carry the answer's nonce; nothing with content is refused.
    const withNonce = await page.evaluate(`[...document.querySelectorAll('style')].filter((s) => s.nonce).length`);
    expect(withNonce).toBeGreaterThan(0);
    expect(await cspViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('links each case of the operators’ register to its workflow in the Temporal Web UI', async () => {
    const caseNumber: string = (await api(stack).post('/cases', { submission: application() }, 'applicant.li')).body
      ?.caseNumber;
    const { page } = await openPage(browser, stack.baseUrl);
    await signInAs(page, 'operator');
    await page.getByRole('link', { name: '台账' }).click();
    const link = page.getByRole('link', { name: `在 Web UI 中查看 ${caseNumber} 的工作流` });
    await expect(link.getAttribute('href')).resolves.toBe(
      `${TEMPORAL_UI}/namespaces/default/workflows/${encodeURIComponent(caseNumber)}`,
    );
    await page.context().close();
  });

  it('shows the API’s errors beside the fields of a holiday arrangement the operator previews', async () => {
    const { page } = await openPage(browser, stack.baseUrl);
    await signInAs(page, 'operator');
    await page.getByLabel('载入年份').fill('2031');
    // The arrangement says 2030 while it is loaded as 2031's: the API names the year.
    await fill(page, 'year', '2030');
    await page.getByRole('button', { name: '预览' }).click();
    await fieldError(page, 'year').filter({ hasText: '2030' }).waitFor();
    await page.context().close();
  });

  it('sends the rows of a list and shows the API’s error on a row beside its first field', async () => {
    const { page } = await openPage(browser, stack.baseUrl);
    await signInAs(page, 'operator');
    await page.getByLabel('载入年份').fill('2031');
    await fill(page, 'year', '2031');
    await field(page, 'holidays').getByRole('button', { name: '添加一项' }).click();
    // A day of 2030 in 2031's arrangement: the API names the row, holidays.0.
    await fill(page, 'holidays.0.date', '2030-01-01');
    await fill(page, 'holidays.0.name', '元旦');
    await page.getByRole('button', { name: '预览' }).click();
    await fieldError(page, 'holidays.0.date').filter({ hasText: 'outside the year 2031' }).waitFor();
    await expect(field(page, 'holidays.0.date').locator('input').inputValue()).resolves.toBe('2030-01-01');
    await page.context().close();
  });
});
