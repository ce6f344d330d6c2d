/**
 * Acting on the workbench's pages as a person does: fields found by the request field they stand for (each form
 * field is marked with its API path, e.g. `determination.meetingDate`), choices picked by their Chinese names,
 * actions opened by their names and sent with their buttons.
 */
import type { Locator, Page } from 'playwright-core';

/** The form field that stands for the request field `path` in the open form. */
export const field = (scope: Page | Locator, path: string): Locator => scope.locator(`[data-field="${path}"]`).first();

/** Types `text` into a text field (several lines for a list of texts). */
export async function fill(scope: Page | Locator, path: string, text: string): Promise<void> {
  await field(scope, path).locator('input, textarea').first().fill(text);
}

/** Picks the choice named `name` in a field: a radio button, or an option of a select list. */
export async function choose(page: Page, scope: Page | Locator, path: string, name: string): Promise<void> {
  const f = field(scope, path);
  const radio = f.getByRole('radio', { name, exact: true });
  if (await radio.count()) {
    await radio.check();
    return;
  }
  await f.locator('.ant-select').click();
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').getByTitle(name, { exact: true }).click();
}

/** The error the form shows beside a field. */
export const fieldError = (scope: Page | Locator, path: string): Locator =>
  field(scope, path).locator('.ant-form-item-explain-error');

/** Opens the panel of an open action on the case page and answers the panel. */
export async function openAction(page: Page, name: string): Promise<Locator> {
  const header = page.locator('.ant-collapse-header').filter({ hasText: new RegExp(`^${name}$`) });
  const item = page.getByTestId('open-actions').locator('.ant-collapse-item').filter({ has: header }).first();
  await item.waitFor();
  if (!/ant-collapse-item-active/.test((await item.getAttribute('class')) ?? '')) await item.locator(header).click();
  return item;
}

/** Sends the open form of the action panel. */
export async function send(panel: Locator): Promise<void> {
  // The form's one submit button (its name gains "loading" while a request is on its way).
  await panel.locator('button[type="submit"]').click();
}

/** Sends the open form and waits until the case's timeline records one more step. */
export async function sendRecorded(page: Page, panel: Locator): Promise<void> {
  const entries = page.getByTestId('timeline').locator('.ant-timeline-item');
  const before = await entries.count();
  await send(panel);
  await entries.nth(before).waitFor();
}

/** Waits until the case page shows the stage named `stage`. */
export async function stageShown(page: Page, stage: string): Promise<void> {
  await page
    .getByTestId('case-stage')
    .filter({ hasText: new RegExp(`^${stage}$`) })
    .waitFor({ timeout: 45_000 });
}

/**
 * Reloads the case page until it shows the stage named `stage`: for what the case does by itself after an action
 * (filing its archive entries, then closing), which the page learns of on its next read.
 */
export async function stageAfterReloads(page: Page, stage: string, timeoutMs = 30_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const shown = page.getByTestId('case-stage').filter({ hasText: new RegExp(`^${stage}$`) });
    if (await shown.isVisible()) return;
    if (Date.now() > until) throw new Error(`the case page never showed the stage ${stage}`);
    await page.waitForTimeout(1_000);
    await page.reload();
    await page.getByTestId('case-stage').waitFor();
  }
}
