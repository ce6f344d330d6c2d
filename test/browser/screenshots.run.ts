/**
 * `npm run screenshots`: the workbench's pages at 1366×768 as docs/screenshots/*.png (待办, 台账, a case, a form
 * with the API's error, 事项提出), on a stack of its own with a few cases set up through the API. Not part of
 * `npm test` (jest runs it only when asked for this file).
 */
import path from 'node:path';

import type { Browser, Page } from 'playwright-core';

import { api, eventually, startStack } from '../helpers/api';
import type { Stack } from '../helpers/api';
import { launchBrowser, openPage, signInAs } from '../helpers/browser';
import { application } from '../helpers/cases';
import { startDevServer } from '../helpers/temporal';
import { fieldError, fill, openAction, send } from '../helpers/workbench-pages';

const OUT = path.join(__dirname, '..', '..', 'docs', 'screenshots');

let stack: Stack;
let browser: Browser;
let page: Page;
const numbers: string[] = [];

/** A case taken through the API to `steps` (accepted, fast track or not; opinion proposed, approved, team formed). */
async function caseAt(
  steps: number,
  overrides: Parameters<typeof application>[0] = {},
  fastTrack = false,
): Promise<string> {
  const http = api(stack);
  const submitted = await http.post('/cases', { submission: application(overrides) }, 'applicant.li');
  if (submitted.status !== 201) throw new Error(`the case was not submitted: ${JSON.stringify(submitted.body)}`);
  const n: string = submitted.body?.caseNumber;
  const at = `/cases/${encodeURIComponent(n)}`;
  const acts: [string, string, unknown][] = [
    ['officer.dc', '/acceptance', { decision: 'accept', caseOfficer: 'officer.dc', fastTrack }],
    ['officer.dc', '/handling-opinion', { opinion: '拟启动调查核实', route: 'investigate' }],
    ['leader.dc', '/handling-opinion/approval', { approved: true, comment: '同意' }],
    ['officer.dc', '/investigation/team', { members: ['investigator.dc', 'investigator2.dc'] }],
  ];
  for (const [as, route, body] of acts.slice(0, steps)) {
    await eventually(
      () => http.post(`${at}${route}`, body, as),
      (r) => r.status < 300,
      `${route} on ${n}`,
    );
  }
  return n;
}

beforeAll(async () => {
  [stack, browser] = await Promise.all([startStack({ env: await startDevServer() }), launchBrowser()]);
  numbers.push(await caseAt(4), await caseAt(1, { situation: 'innovation' }), await caseAt(2, {}, true));
  numbers.push(await caseAt(0, { situation: 'emergency' }));
  ({ page } = await openPage(browser, stack.baseUrl));
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

const shot = (name: string) => page.screenshot({ path: path.join(OUT, `${name}.png`) });

it('writes the screenshots of the workbench', async () => {
  await signInAs(page, 'officer.dc');
  await page.getByTestId('work-list').getByRole('link', { name: numbers[1] }).waitFor();
  await shot('worklist');

  await page.getByRole('link', { name: '台账' }).click();
  await page.getByTestId('register').getByRole('link', { name: numbers[3] }).waitFor();
  await shot('register');

  await page.getByRole('link', { name: numbers[0] }).click();
  await page.getByTestId('case-stage').waitFor();
  await shot('case');

  await page.getByRole('link', { name: '待办' }).click();
  await page.getByTestId('work-list').getByRole('link', { name: numbers[3] }).click();
  const panel = await openAction(page, '受理或不予受理');
  await panel.getByRole('radio', { name: '受理', exact: true }).check();
  await fill(panel, 'caseOfficer', ' ');
  await send(panel);
  await fieldError(panel, 'caseOfficer').waitFor();
  await panel.scrollIntoViewIfNeeded();
  await shot('form-error');

  await signInAs(page, 'applicant.li');
  await page.getByRole('link', { name: '事项提出' }).click();
  await page.locator('[data-field="facts"]').waitFor();
  await page.getByText('（一）落实上级决策部署').click();
  await shot('apply');
});
