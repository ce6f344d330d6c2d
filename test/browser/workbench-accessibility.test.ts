/**
 * Every page of the workbench passes axe-core with no serious or critical violation, at 1366×768: sign-in, 待办,
 * 台账, 事项提出, a case with its open action's form (and the field errors of a refused step), and 运维; the work can
 * be done by the keyboard alone; and the office screen zoomed to 150% needs no sideways scrolling.
 */
import type { Browser, Page } from 'playwright-core';

import { api, startStack } from '../helpers/api';
import type { Stack } from '../helpers/api';
import { launchBrowser, openPage, seriousViolations, signInAs } from '../helpers/browser';
import { application } from '../helpers/cases';
import { startDevServer } from '../helpers/temporal';
import { fieldError, openAction, send } from '../helpers/workbench-pages';

/**
 * Presses Tab until the focused element matches `selector` (and holds `text`, when given), as a person without a
 * mouse moves through the page; fails after 60 presses.
 */
async function tabTo(page: Page, selector: string, text?: string): Promise<void> {
  for (let i = 0; i < 60; i += 1) {
    await page.keyboard.press('Tab');
    // A string, evaluated in the page: the tests are compiled without the DOM's types.
    const focused = await page.evaluate(
      `(() => { const el = document.activeElement; return Boolean(el && el.matches(${JSON.stringify(selector)}) && (el.textContent ?? '').includes(${JSON.stringify(text ?? '')})); })()`,
    );
    if (focused) return;
  }
  throw new Error(`Tab never reached ${selector}${text ? ` holding ${text}` : ''}`);
}

let stack: Stack;
let browser: Browser;
let page: Page;
let caseNumber: string;

beforeAll(async () => {
  [stack, browser] = await Promise.all([startStack({ env: await startDevServer() }), launchBrowser()]);
  const submitted = await api(stack).post('/cases', { submission: application() }, 'applicant.li');
  caseNumber = submitted.body?.caseNumber;
  ({ page } = await openPage(browser, stack.baseUrl));
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe('the workbench has no serious or critical accessibility violation', () => {
  it('on the sign-in page', async () => {
    await page.getByLabel('演示用户').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('on 待办, 台账 and 事项提出', async () => {
    await signInAs(page, 'officer.dc');
    await page.getByTestId('work-list').getByRole('link', { name: caseNumber }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('link', { name: '台账' }).click();
    await page.getByTestId('register').getByRole('link', { name: caseNumber }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('link', { name: '事项提出' }).click();
    await page.locator('[data-field="facts"]').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('on a case, with its open action as a form showing the API’s field errors', async () => {
    await page.getByRole('link', { name: '待办' }).click();
    await page.getByTestId('work-list').getByRole('link', { name: caseNumber }).click();
    const panel = await openAction(page, '受理或不予受理');
    await send(panel);
    await fieldError(panel, 'decision').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('on the operators’ page', async () => {
    await signInAs(page, 'operator');
    await page.getByRole('heading', { name: '载入节假日安排' }).waitFor();
    await page.locator('[data-field="year"]').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('by the keyboard alone, an officer signs in, opens a case from 待办 and sends its form, which names what is missing', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const keys = await context.newPage();
    await keys.goto(stack.baseUrl);
    await keys.getByLabel('演示用户').waitFor();
    await tabTo(keys, '[aria-label="演示用户"], #demo-user, input[role="combobox"]');
    await keys.keyboard.type('officer.dc');
    await keys.locator('.ant-select-item-option').filter({ hasText: '（officer.dc）' }).first().waitFor();
    await keys.keyboard.press('Enter');
    await tabTo(keys, 'button', '登录');
    await keys.keyboard.press('Enter');
    await keys.getByTestId('work-list').getByRole('link', { name: caseNumber }).waitFor();
    await tabTo(keys, 'a', caseNumber);
    await keys.keyboard.press('Enter');
    await keys.getByTestId('open-actions').waitFor();
    await tabTo(keys, '[role="button"], [role="tab"]', '受理或不予受理');
    await keys.keyboard.press('Enter');
    await tabTo(keys, 'button[type="submit"]');
    await keys.keyboard.press('Enter');
    await fieldError(keys.getByTestId('open-actions'), 'decision').waitFor();
    await context.close();
  });

  it('at 150% zoom on the office screen, 待办, a case and its form fit the width without scrolling sideways', async () => {
    // 1366×768 at 150% zoom lays the page out in 911×512 CSS pixels, drawn at a device scale of 1.5.
    const context = await browser.newContext({ viewport: { width: 911, height: 512 }, deviceScaleFactor: 1.5 });
    const zoomed = await context.newPage();
    await zoomed.goto(stack.baseUrl);
    await signInAs(zoomed, 'officer.dc');
    const sideways = () => zoomed.evaluate('document.documentElement.scrollWidth - window.innerWidth');
    await zoomed.getByTestId('work-list').getByRole('link', { name: caseNumber }).waitFor();
    expect(await sideways()).toBeLessThanOrEqual(0);
    await zoomed.getByTestId('work-list').getByRole('link', { name: caseNumber }).click();
    await openAction(zoomed, '受理或不予受理');
    expect(await sideways()).toBeLessThanOrEqual(0);
    expect(await seriousViolations(zoomed)).toEqual([]);
    await context.close();
  });
});
