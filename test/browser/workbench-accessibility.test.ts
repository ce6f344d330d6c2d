/**
 * Every page of the workbench passes axe-core with no serious or critical violation, at 1366×768: sign-in, 待办,
 * 台账, 事项提出, a case with its open action's form (and the field errors of a refused step), and 运维.
 */
import type { Browser, Page } from 'playwright-core';

import { api, startStack } from '../helpers/api';
import type { Stack } from '../helpers/api';
import { launchBrowser, openPage, seriousViolations, signInAs } from '../helpers/browser';
import { application } from '../helpers/cases';
import { startDevServer } from '../helpers/temporal';
import { fieldError, openAction, send } from '../helpers/workbench-pages';

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
});
