/** The figures of one benchmark run, and the table of docs/PERFORMANCE.md made from them. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import * as prettier from 'prettier';

import { round } from './stats';
import type { RegisterFigures } from './register';
import type { WorkbenchFigures } from './workbench';

interface Latency {
  readonly p50: number;
  readonly p99: number;
}

export interface Figures {
  readonly starts: { readonly rawPerSecond: number; readonly httpPerSecond: number; readonly count: number };
  readonly action: {
    readonly perSecond: number;
    readonly count: number;
    readonly raw: Latency;
    readonly http: Latency;
    /** Medians read from the accepted cases' histories (`bench/histories.ts`). */
    readonly server: {
      readonly taskWaitP50: number;
      readonly taskRunP50: number;
      readonly acceptedToCompletedP50: number;
      /** The last span cut at each event between acceptance and completion (bench/histories.ts). */
      readonly afterAcceptedP50: Readonly<Record<string, number>>;
    };
  };
  readonly wholeCases: {
    readonly count: number;
    readonly serverSeconds: number;
    readonly perSecond: number;
    /** History events of one whole exemption case, and the Temporal actions among them. */
    readonly events: number;
    readonly actions: number;
  };
  readonly idle: {
    readonly openCases: number;
    readonly loadSeconds: number;
    readonly workerRssLoadedMb: number;
    readonly workerRssAfterRestartMb: number;
    readonly workerRssAfterColdActionsMb: number;
    readonly workerStartupMs: number;
    readonly coldAction: Latency & { readonly count: number };
  };
  readonly bundle: {
    readonly bytes: number;
    readonly containsZod: boolean;
    readonly containsHolidayData: boolean;
    readonly largestHistory: string;
    readonly largestHistoryEvents: number;
    readonly replayMs: number;
    readonly firstReplayMs: number;
  };
  readonly floor: { readonly fsyncedTransactionsPerSecond: number };
  readonly workbench: WorkbenchFigures;
  readonly register: RegisterFigures;
  readonly machine: { readonly cores: number; readonly node: string };
  readonly runSeconds: number;
}

const MARKER = '<!-- generated above; analysis below is written by hand -->';

const met = (ok: boolean) => (ok ? 'met' : '**missed**');

/** One row per figure: what, measured, raw Temporal beside it, target, and whether it is met. */
export function rows(f: Figures): string[][] {
  const startRatio = f.starts.httpPerSecond / f.starts.rawPerSecond;
  const p50Overhead = f.action.http.p50 - f.action.raw.p50;
  const p99Ratio = f.action.http.p99 / f.action.raw.p99;
  return [
    ['figure', 'this project', 'raw Temporal, same run', 'target', ''],
    [
      'case starts per second (HTTP `POST /cases` vs `client.workflow.start`)',
      `${round(f.starts.httpPerSecond)}/s`,
      `${round(f.starts.rawPerSecond)}/s (ratio ${round(startRatio)})`,
      'ratio ≥ 0.9',
      met(startRatio >= 0.9),
    ],
    [
      `acceptance at ${f.action.perSecond}/s, p50 (HTTP vs raw Update)`,
      `${round(f.action.http.p50)} ms`,
      `${round(f.action.raw.p50)} ms (overhead ${round(p50Overhead)} ms)`,
      'overhead ≤ 3 ms',
      met(p50Overhead <= 3),
    ],
    [
      'acceptance on the server, p50 (from the histories)',
      `task waited ${round(f.action.server.taskWaitP50)} ms, ran ${round(f.action.server.taskRunP50)} ms`,
      `accepted → completed ${round(f.action.server.acceptedToCompletedP50)} ms`,
      '',
      '',
    ],
    [
      `acceptance at ${f.action.perSecond}/s, p99`,
      `${round(f.action.http.p99)} ms`,
      `${round(f.action.raw.p99)} ms (ratio ${round(p99Ratio)})`,
      '≤ 1.2 × raw',
      met(p99Ratio <= 1.2),
    ],
    [
      `whole cases through every stage (${f.wholeCases.count}, server clock)`,
      `${round(f.wholeCases.perSecond)}/s`,
      '',
      '≥ 20/s',
      met(f.wholeCases.perSecond >= 20),
    ],
    [
      'history of one whole exemption case (start to the last follow-up visit)',
      `${f.wholeCases.events} events`,
      `${f.wholeCases.actions} Temporal actions`,
      '≤ 70 events',
      met(f.wholeCases.events <= 70),
    ],
    [
      `worker RSS with ${f.idle.openCases} open cases on timers`,
      `${round(f.idle.workerRssLoadedMb)} MB`,
      `after a restart: ${round(f.idle.workerRssAfterRestartMb)} MB`,
      '≤ 600 MB',
      met(f.idle.workerRssLoadedMb <= 600),
    ],
    ['worker start-up (spawn to polling)', `${round(f.idle.workerStartupMs)} ms`, '', '', ''],
    [
      `action on a case not in the worker's cache (${f.idle.coldAction.count} at 10/s), p99`,
      `${round(f.idle.coldAction.p99)} ms`,
      `p50 ${round(f.idle.coldAction.p50)} ms`,
      '≤ 250 ms',
      met(f.idle.coldAction.p99 <= 250),
    ],
    [
      'workflow bundle',
      `${round(f.bundle.bytes / 1024)} KiB`,
      `zod in it: ${f.bundle.containsZod ? 'yes' : 'no'}; holiday data in it: ${f.bundle.containsHolidayData ? 'yes' : 'no'}`,
      'neither',
      met(!f.bundle.containsZod && !f.bundle.containsHolidayData),
    ],
    [
      `replay of the largest saved history (${f.bundle.largestHistory}, ${f.bundle.largestHistoryEvents} events)`,
      `${round(f.bundle.replayMs)} ms`,
      `first, with the VM context: ${round(f.bundle.firstReplayMs)} ms`,
      '< 100 ms',
      met(f.bundle.replayMs < 100),
    ],
    [
      'floor: fsync’d SQLite transactions per second, same disk',
      `${round(f.floor.fsyncedTransactionsPerSecond)}/s`,
      '',
      '',
      '',
    ],
  ];
}

function table(cells: string[][]): string {
  const [head, ...body] = cells;
  return [
    `| ${head.join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...body.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}

const WORKBENCH_HEADING = '## 工作台首次加载 (Workbench first load)';

/** The workbench's figures, the command and date that measured them, and the machine's cores. */
export interface WorkbenchReport {
  readonly command: string;
  readonly date: string;
  readonly cores: number;
  readonly workbench: WorkbenchFigures;
}

const kib = (bytes: number) => `${round(bytes / 1024)} KiB`;
const spread = (s: { readonly p50: number; readonly p90: number }) => `p50 ${round(s.p50)} ms, p90 ${round(s.p90)} ms`;

/** The section of docs/PERFORMANCE.md on the workbench's first load: how it is measured, and the figures. */
export function workbenchSection(r: WorkbenchReport): string {
  const w = r.workbench;
  const size = (a: WorkbenchFigures['firstLoad']['js']) =>
    `${a.files.length} file${a.files.length === 1 ? '' : 's'}: ${kib(a.bytes)}, gzipped ${kib(a.gzipBytes)}; sent ${kib(a.servedBytes)}`;
  const sent = w.firstLoad.servedCompressed
    ? 'the API sent them compressed'
    : 'the API compresses nothing, so "sent" is the raw size';
  return [
    WORKBENCH_HEADING,
    '',
    `Measured by \`${r.command}\` on ${r.date} (${r.cores} cores) in Chromium (headless, 1366×768, driven by`,
    `playwright-core): ${w.samples} samples of each page, alternating, each in a fresh browser context (empty cache),`,
    `with ${w.cases} cases on 待办.`,
    '',
    '- **First-load size**: the scripts and stylesheets `dist/web/index.html` names, which the page loads before its',
    '  first paint: bytes on disk, gzipped at level 9 (what a compressing proxy in front of the API would send), and',
    `  what the browser received (${sent}).`,
    '- **待办 interactive**: from the navigation’s start (the page’s time origin) to the change of the page after which',
    '  the `work-list` table holds a row for each case and no spinner. The officer (officer.dc) signed in on the',
    '  sign-in page beforehand, in a context of its own; the measured context starts with that tab’s session. The time',
    '  includes the list’s reads (`GET /cases`, then each case, six at a time) and grows with the cases listed.',
    '- **Plain page**: `/docs`, the API’s own HTML page (one stylesheet, one script), public and served by the same',
    '  Express app under the same security headers, so what differs is the workbench itself: navigation start to the',
    '  load event.',
    '',
    table([
      ['figure', 'workbench', `plain page \`${w.plainPage.path}\`, same server`],
      ['first-load JS', size(w.firstLoad.js), kib(w.plainPage.jsBytes)],
      ['first-load CSS', size(w.firstLoad.css), kib(w.plainPage.cssBytes)],
      [
        'time to interactive (待办 with its rows; the plain page’s load event)',
        spread(w.workList),
        `${spread(w.plainPage)} (ratio of the p50s ${round(w.ratio)})`,
      ],
      ['load event (the workbench’s JS and CSS fetched, its script started)', spread(w.workbenchLoad), ''],
    ]),
  ].join('\n');
}

/**
 * Replaces the section under `heading` in the generated part of `file` (or adds it at the end of that part), up to
 * the next section, leaving the rest as it is: a part of the bench run alone rewrites its own section only.
 */
async function writeSection(file: string, heading: string, section: string): Promise<void> {
  const [generated, kept] = readFileSync(file, 'utf8').split(MARKER);
  const at = generated.indexOf(heading);
  const after = at < 0 ? -1 : generated.indexOf('\n## ', at + heading.length);
  const before = (at < 0 ? generated : generated.slice(0, at)).trimEnd();
  const rest = after < 0 ? '' : generated.slice(after).trim();
  const options = (await prettier.resolveConfig(file)) ?? {};
  const text = `${before}\n\n${section}\n\n${rest ? `${rest}\n\n` : ''}${MARKER}${kept ?? '\n'}`;
  writeFileSync(file, await prettier.format(text, { ...options, parser: 'markdown' }));
}

/** Replaces the workbench's section: `npm run bench:workbench` measures it alone. */
export async function writeWorkbenchSection(file: string, r: WorkbenchReport): Promise<void> {
  await writeSection(file, WORKBENCH_HEADING, workbenchSection(r));
}

const REGISTER_HEADING = '## 台账与 Temporal 可见性 (Register against visibility)';

/** The register's figures, the command and date that measured them, and the machine's cores. */
export interface RegisterReport {
  readonly command: string;
  readonly date: string;
  readonly cores: number;
  readonly register: RegisterFigures;
}

const latency = (l: { readonly p50: number; readonly p99: number }) => `p50 ${round(l.p50)} ms, p99 ${round(l.p99)} ms`;

/** The section of docs/PERFORMANCE.md on the register: how it is measured, and the figures beside visibility. */
export function registerSection(r: RegisterReport): string {
  const g = r.register;
  const ratio = (x: { register: { p50: number }; visibility: { p50: number } }) =>
    round(x.visibility.p50 / x.register.p50);
  return [
    REGISTER_HEADING,
    '',
    `Measured by \`${r.command}\` on ${r.date} (${r.cores} cores): ${g.cases} cases started on a dev server of its own`,
    `(SQLite file, as \`npm start\` runs it) in ${round(g.startSeconds)} s, each projected by the worker into an embedded`,
    `PGlite register. Each list is asked ${g.queries} times of both sides, one after the other: a page of 20 and the`,
    'total, as `GET /cases` asks. The register is then rebuilt from Temporal (`register:rebuild`): every case listed',
    'from visibility and its projection asked of its workflow.',
    '',
    table([
      ['list', 'register (PGlite)', 'Temporal visibility, same run', 'visibility ÷ register (p50)'],
      [
        'an officer’s page of one stage (`stage=acceptance`)',
        latency(g.stagePageMs.register),
        latency(g.stagePageMs.visibility),
        `${ratio(g.stagePageMs)}`,
      ],
      [
        'one person’s cases (blind index; visibility by `PartyId`)',
        latency(g.personMs.register),
        latency(g.personMs.visibility),
        `${ratio(g.personMs)}`,
      ],
      [`rebuild of the register from ${g.cases} cases`, `${round(g.rebuildSeconds)} s`, '', ''],
    ]),
  ].join('\n');
}

/** Replaces the register's section: `npm run bench:register` measures it alone. */
export async function writeRegisterSection(file: string, r: RegisterReport): Promise<void> {
  await writeSection(file, REGISTER_HEADING, registerSection(r));
}

/** Writes the generated part of docs/PERFORMANCE.md; the analysis below the marker is kept by hand. */
export async function writeReport(file: string, date: string, scale: number, f: Figures): Promise<void> {
  mkdirSync(path.dirname(file), { recursive: true });
  const header = [
    '# Performance',
    '',
    `Measured by \`npm run bench\` on ${date} (${f.machine.cores} cores, Node ${f.machine.node}${scale === 1 ? '' : `, BENCH_SCALE=${scale}`}), `,
    `in one run of ${round(f.runSeconds)} s on one dev server whose SQLite file is on this machine's disk. The worker`,
    'and the API run as separate processes from `dist/`; the raw side is a Temporal client calling the same workflow.',
    `Raw figures: bench/results/${date}.json.`,
    '',
    table(rows(f)),
    '',
    workbenchSection({ command: 'npm run bench', date, cores: f.machine.cores, workbench: f.workbench }),
    '',
    registerSection({ command: 'npm run bench', date, cores: f.machine.cores, register: f.register }),
    '',
  ].join('\n');
  const kept = existsSync(file) ? (readFileSync(file, 'utf8').split(MARKER)[1] ?? '\n') : '\n';
  const options = (await prettier.resolveConfig(file)) ?? {};
  writeFileSync(file, await prettier.format(`${header}\n${MARKER}${kept}`, { ...options, parser: 'markdown' }));
}
