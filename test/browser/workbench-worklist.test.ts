/**
 * 待办 lists the cases of the person's own level in which their role has an action open; the cases of the level
 * below, which they supervise and may not act on, are listed apart as 督办.
 */
import type { Browser, Page } from 'playwright-core';

import { api, eventually, startStack } from '../helpers/api';
import type { Stack } from '../helpers/api';
import { launchBrowser, openPage, signInAs } from '../helpers/browser';
import { application } from '../helpers/cases';
import { startDevServer } from '../helpers/temporal';

let stack: Stack;
let browser: Browser;
let page: Page;
let cityCase: string;
let countyCase: string;

beforeAll(async () => {
  [stack, browser] = await Promise.all([startStack({ env: await startDevServer() }), launchBrowser()]);
  const http = api(stack);
  cityCase = (await http.post('/cases', { submission: application() }, 'applicant.li')).body?.caseNumber;
  countyCase = (await http.post('/cases', { submission: application({ unitId: 'dongcheng.housing' }) }, 'applicant.li'))
    .body?.caseNumber;
  // The page reads the register once when it opens; the register learns of a case a moment after its submission.
  await eventually(
    () => http.get('/cases', 'officer.dc'),
    (r) => [cityCase, countyCase].every((n) => r.body?.cases?.some((c: { caseNumber: string }) => c.caseNumber === n)),
    'both cases in the register',
  );
  ({ page } = await openPage(browser, stack.baseUrl));
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe('待办', () => {
  it('shows the city’s case officer the city’s case to accept, and the district’s case only under 督办', async () => {
    await signInAs(page, 'officer.dc');
    const work = page.getByTestId('work-list');
    await work.getByRole('link', { name: cityCase }).waitFor();
    await page.getByTestId('supervised-list').getByRole('link', { name: countyCase }).waitFor();
    expect(await work.getByRole('link', { name: countyCase }).count()).toBe(0);
    await expect(work.textContent()).resolves.toContain('受理或不予受理');
  });

  it('shows the district’s case officer the district’s case to accept, and not the city’s', async () => {
    await signInAs(page, 'officer.dc.dongcheng');
    const work = page.getByTestId('work-list');
    await work.getByRole('link', { name: countyCase }).waitFor();
    expect(await page.getByRole('link', { name: cityCase }).count()).toBe(0);
  });
});
