/**
 * The workbench's first load (issue 17): what a browser downloads to show it (the JS and CSS `index.html` names,
 * raw and gzipped), and how long a real Chromium takes, in a fresh browser context each time (empty cache), until
 * 待办 shows its cases; beside it, the load of the API's plain HTML page `/docs` from the same server, alternating
 * sample by sample so that both see the same machine. `bench/main.ts` runs it against its API process;
 * `npm run bench:workbench` runs it alone on a small stack of its own and writes its section of docs/PERFORMANCE.md.
 */

import { DefaultLogger, Runtime } from '@temporalio/worker';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';

import { DEMO_USERS } from '../api/auth';
import { demoToken } from '../api/auth/development';
import { DEFAULT_WEB_DIR } from '../api/web/workbench';
import { startStack } from '../test/helpers/api';
import { launchBrowser, OFFICE_SCREEN, signInAs } from '../test/helpers/browser';
import { application } from '../test/helpers/cases';
import { startDevServer } from '../test/helpers/temporal';
import { ensureWorkbenchBuilt } from '../tools/workbench-build';
import type { AssetBytes } from './first-load';
import { firstLoadBytes } from './first-load';
import { get, post } from './http';
import { runAlone } from './alone';
import { writeWorkbenchSection } from './report';
import { percentile } from './stats';

/** The demo officer whose 待办 is opened: the discipline commission's case officer, who accepts new cases. */
const OFFICER = 'officer.dc';
/** The plain page: the API's own docs page, one small stylesheet and one script, public, same app and headers. */
const PLAIN_PAGE = '/docs';
/** The workbench's 待办 page (web/src/router.ts). */
const WORK_LIST_PAGE = '/app/work';
/** How long one page may take before the run is called failed rather than slow. */
const PAGE_TIMEOUT_MS = 60_000;
/** Samples of each page, and cases on 待办, unless told otherwise. */
export const WORKBENCH_DEFAULTS = { samples: 10, cases: 10 } as const;
/** As the browser tests open pages (test/helpers/browser.ts `openPage`). */
const CONTEXT: BrowserContextOptions = { viewport: OFFICE_SCREEN, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' };

interface Spread {
  readonly p50: number;
  readonly p90: number;
}

/** The figures of `measureWorkbench`, in bytes and milliseconds. */
export interface WorkbenchFigures {
  readonly firstLoad: {
    /** The bytes on disk and gzipped, and what the browser received for them (`servedBytes`). */
    readonly js: AssetBytes & { readonly servedBytes: number };
    readonly css: AssetBytes & { readonly servedBytes: number };
    /** True when the server compressed what it sent the browser (fewer bytes received than decoded). */
    readonly servedCompressed: boolean;
  };
  /** Cases on the officer's 待办 while it is measured. */
  readonly cases: number;
  /** Samples of each page. */
  readonly samples: number;
  /** Navigation start to 待办's table holding every case's row, no longer loading. */
  readonly workList: Spread;
  /** Navigation start to the workbench's load event (its JS and CSS fetched, its script started). */
  readonly workbenchLoad: Spread;
  /** Navigation start to the plain page's load event, and the bytes of its JS and CSS. */
  readonly plainPage: Spread & { readonly path: string; readonly jsBytes: number; readonly cssBytes: number };
  /** `workList.p50 / plainPage.p50`. */
  readonly ratio: number;
}

export interface WorkbenchRun {
  readonly baseUrl: string;
  /** Where the API serves the workbench from (`dist/web`). */
  readonly webDir: string;
  /** A token for each demo user, by `sub`, that the API accepts. */
  readonly tokens: Readonly<Record<string, string>>;
  /**
   * False when the API trusts an identity provider (the benchmark's test issuer) and so lists no demo users: the
   * sign-in page is then answered `GET /dev/tokens` with `tokens`, and the officer signs in on it just the same.
   */
  readonly developmentMode: boolean;
  readonly samples: number;
  readonly cases: number;
  readonly log: (line: string) => void;
}

/** One resource the page fetched, as its Resource Timing entry tells. */
interface Fetched {
  readonly path: string;
  readonly transferSize: number;
  readonly encodedBodySize: number;
  readonly decodedBodySize: number;
}

// Browser code as text, as in test/helpers/browser.ts: this project's TypeScript has no DOM types.
const FETCHED = `performance.getEntriesByType('resource').map((e) => ({
  path: new URL(e.name).pathname, transferSize: e.transferSize,
  encodedBodySize: e.encodedBodySize, decodedBodySize: e.decodedBodySize }))`;
const LOAD_EVENT_END = `performance.getEntriesByType('navigation')[0]?.loadEventEnd || 0`;

/**
 * Marks (in `window.workListReady`, ms since navigation start) the first DOM change after which the work list holds
 * `rows` rows and no spinner: a MutationObserver sees the change as it is made, not at the next poll.
 */
const readyWhen = (rows: number) => `
  new MutationObserver((_, observer) => {
    const list = document.querySelector('[data-testid="work-list"]');
    if (!list || list.querySelector('.ant-spin-spinning')) return;
    if (list.querySelectorAll('tbody tr.ant-table-row').length < ${rows}) return;
    window.workListReady = performance.now();
    observer.disconnect();
  }).observe(document, { childList: true, subtree: true, attributes: true });
`;

const spread = (ms: number[]): Spread => ({ p50: percentile(ms, 50), p90: percentile(ms, 90) });

/** Polls `done` every 200 ms for up to a minute. */
async function until(what: string, done: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`${what}: not within a minute`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Submits `count` cases to the discipline commission as applicant.li; waits until each is on the officer's 待办. */
async function casesOnTheWorkList(run: WorkbenchRun, count: number): Promise<string[]> {
  const numbers: string[] = [];
  for (let i = 0; i < count; i++) {
    const answer = (await post(run.baseUrl, '/cases', run.tokens['applicant.li'], { submission: application() })) as {
      caseNumber: string;
    };
    numbers.push(answer.caseNumber);
  }
  const officer = run.tokens[OFFICER];
  await until('the cases listed for the officer', async () => {
    const { cases } = (await get(run.baseUrl, '/cases?limit=100', officer)) as { cases: { caseNumber: string }[] };
    return numbers.every((n) => cases.some((c) => c.caseNumber === n));
  });
  for (const n of numbers) {
    await until(`${n} open to the officer`, async () => {
      const view = (await get(run.baseUrl, `/cases/${encodeURIComponent(n)}`, officer)) as {
        allowedActions: { roles: string[] }[];
      };
      return view.allowedActions.some((a) => a.roles.includes('caseOfficer'));
    });
  }
  return numbers;
}

/**
 * Signs the officer in on the workbench's sign-in page in a context of its own, as the browser tests do, and answers
 * the tab's session storage, which is all a signed-in tab keeps; a fresh context given it opens signed in.
 */
async function signedInSession(browser: Browser, run: WorkbenchRun): Promise<[string, string][]> {
  const context = await browser.newContext(CONTEXT);
  try {
    if (!run.developmentMode) {
      const users = DEMO_USERS.map((u) => demoToken(u, run.tokens[u.sub] ?? ''));
      await context.route('**/dev/tokens', (route) => route.fulfill({ json: { users } }));
    }
    const page = await context.newPage();
    page.setDefaultTimeout(PAGE_TIMEOUT_MS);
    await page.goto(run.baseUrl);
    await signInAs(page, OFFICER);
    return (await page.evaluate('Object.entries(sessionStorage)')) as [string, string][];
  } finally {
    await context.close();
  }
}

/**
 * When the page's load event ended, ms since navigation start. Read after `goto` has seen the load event, whose
 * dispatch (and so its end) is one task of the page's, finished before the next evaluation runs.
 */
async function loadEventEnd(page: Page): Promise<number> {
  const ms = (await page.evaluate(LOAD_EVENT_END)) as number;
  if (!(ms > 0)) throw new Error(`${page.url()}: no load event end`);
  return ms;
}

/** A fresh context (empty cache, nothing signed in) and a page in it. */
async function freshPage(browser: Browser, initScript?: string) {
  const context: BrowserContext = await browser.newContext(CONTEXT);
  if (initScript) await context.addInitScript(initScript);
  const page = await context.newPage();
  page.setDefaultTimeout(PAGE_TIMEOUT_MS);
  return { context, page };
}

/** One cold load of 待办, signed in: when its rows were there, when its load event ended, and what it fetched. */
async function workListSample(browser: Browser, run: WorkbenchRun, session: [string, string][], rows: number) {
  // Only in the workbench's own documents: the page's first document (about:blank) has no storage to write.
  const restore = `if (location.origin === ${JSON.stringify(new URL(run.baseUrl).origin)})
    for (const [k, v] of ${JSON.stringify(session)}) if (sessionStorage.getItem(k) === null) sessionStorage.setItem(k, v);`;
  const { context, page } = await freshPage(browser, `${restore}\n${readyWhen(rows)}`);
  try {
    await page.goto(`${run.baseUrl}${WORK_LIST_PAGE}`, { waitUntil: 'load' });
    // A function, not a string: the page's CSP refuses evaluating strings, and Playwright evals a string predicate.
    await page.waitForFunction(() => (globalThis as { workListReady?: number }).workListReady !== undefined);
    return {
      readyMs: (await page.evaluate('window.workListReady')) as number,
      loadMs: await loadEventEnd(page),
      fetched: (await page.evaluate(FETCHED)) as Fetched[],
    };
  } finally {
    await context.close();
  }
}

/** One cold load of the plain page: when its load event ended, and what it fetched. */
async function plainPageSample(browser: Browser, run: WorkbenchRun) {
  const { context, page } = await freshPage(browser);
  try {
    await page.goto(`${run.baseUrl}${PLAIN_PAGE}`, { waitUntil: 'load' });
    return {
      loadMs: await loadEventEnd(page),
      fetched: (await page.evaluate(FETCHED)) as Fetched[],
    };
  } finally {
    await context.close();
  }
}

/** What the page fetched of `files`; fails when one came from a cache, since the figure is of a first load. */
function served(fetched: readonly Fetched[], files: readonly string[]): Fetched[] {
  return files.map((file) => {
    const entry = fetched.find((f) => f.path === file);
    if (!entry) throw new Error(`the page did not fetch ${file}`);
    if (entry.transferSize === 0) throw new Error(`${file} came from a cache: not a first load`);
    return entry;
  });
}

const sum = (entries: readonly Fetched[], pick: (f: Fetched) => number) => entries.reduce((a, f) => a + pick(f), 0);

/** Measures the workbench's first load and the plain page's beside it; see the module's comment. */
export async function measureWorkbench(run: WorkbenchRun): Promise<WorkbenchFigures> {
  const bytes = firstLoadBytes(run.webDir);
  await casesOnTheWorkList(run, run.cases);
  run.log(`${run.cases} cases on ${OFFICER}'s 待办; ${run.samples} samples of each page`);
  const browser = await launchBrowser();
  try {
    const ready: number[] = [];
    const loaded: number[] = [];
    const plain: number[] = [];
    let js: Fetched[] = [];
    let css: Fetched[] = [];
    let plainFetched: Fetched[] = [];
    for (let i = 0; i < run.samples; i++) {
      const session = await signedInSession(browser, run);
      const w = await workListSample(browser, run, session, run.cases);
      const p = await plainPageSample(browser, run);
      // Every sample is checked to be a first load; the bytes sent are the same in each.
      js = served(w.fetched, bytes.js.files);
      css = served(w.fetched, bytes.css.files);
      plainFetched = p.fetched;
      ready.push(w.readyMs);
      loaded.push(w.loadMs);
      plain.push(p.loadMs);
    }
    const plainPage = { ...spread(plain), path: PLAIN_PAGE };
    return {
      firstLoad: {
        js: { ...bytes.js, servedBytes: sum(js, (f) => f.encodedBodySize) },
        css: { ...bytes.css, servedBytes: sum(css, (f) => f.encodedBodySize) },
        servedCompressed: [...js, ...css].some((f) => f.encodedBodySize < f.decodedBodySize),
      },
      cases: run.cases,
      samples: run.samples,
      workList: spread(ready),
      workbenchLoad: spread(loaded),
      plainPage: {
        ...plainPage,
        jsBytes: sum(
          plainFetched.filter((f) => f.path.endsWith('.js')),
          (f) => f.decodedBodySize,
        ),
        cssBytes: sum(
          plainFetched.filter((f) => f.path.endsWith('.css')),
          (f) => f.decodedBodySize,
        ),
      },
      ratio: percentile(ready, 50) / plainPage.p50,
    };
  } finally {
    await browser.close();
  }
}

/** A count from the environment, between 1 and `max`. */
function bounded(value: string | undefined, fallback: number, max: number): number {
  const n = Math.round(Number(value ?? fallback));
  return Number.isFinite(n) ? Math.min(max, Math.max(1, n)) : fallback;
}

/**
 * `npm run bench:workbench`: the measure alone, on a stack of its own (dev server, worker and API in this process,
 * development mode, as the browser tests start it). WORKBENCH_BENCH_SAMPLES (10, at most 50) samples of each page,
 * WORKBENCH_BENCH_CASES (10, at most 100) cases on 待办. Writes bench/results/<date>-workbench.json and the
 * workbench's section of docs/PERFORMANCE.md, and prints the figures.
 */
if (require.main === module) {
  runAlone(
    'workbench',
    async (log) => {
      Runtime.install({ logger: new DefaultLogger('WARN') });
      ensureWorkbenchBuilt(log);
      const stack = await startStack({ env: await startDevServer() });
      try {
        return await measureWorkbench({
          baseUrl: stack.baseUrl,
          webDir: DEFAULT_WEB_DIR,
          tokens: stack.tokens,
          developmentMode: true,
          samples: bounded(process.env.WORKBENCH_BENCH_SAMPLES, WORKBENCH_DEFAULTS.samples, 50),
          cases: bounded(process.env.WORKBENCH_BENCH_CASES, WORKBENCH_DEFAULTS.cases, 100),
          log,
        });
      } finally {
        await stack.stop();
      }
    },
    (file, run, workbench) => writeWorkbenchSection(file, { ...run, workbench }),
  );
}
