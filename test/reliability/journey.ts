/**
 * A client that drives whole cases over HTTP the way a careful client does under faults: every action carries its
 * own Idempotency-Key; a 503 is sent again with the same key after its Retry-After; a 409 "in progress" is sent
 * again. It tallies every answer, so a test can say how the API behaved while something was down, and it keeps
 * which actions were acknowledged (2xx), so a test can hold the case's timeline to them.
 */
import { randomUUID } from 'node:crypto';

import { application, report, shanghaiToday } from '../helpers/cases';
import { sleep } from './cluster';

export interface Client {
  readonly apiUrl: string;
  readonly tokens: Record<string, string>;
  /** Longest a client waits on one answer before it gives up on the connection and sends the request again. */
  readonly answerTimeoutMs: number;
  /** Longest one action may take, retries included. */
  readonly actionBoundMs: number;
}

/** Every answer the API gave, and what the client saw of it. */
export class Tally {
  /** Count of answers by status; 0 counts connections that failed or timed out without an answer. */
  readonly statuses = new Map<number, number>();
  /** 503s without a Retry-After header. */
  missingRetryAfter = 0;
  /** Slowest answer, in ms. */
  slowestMs = 0;
  /** Actions that were answered 2xx only after one or more 503s with the same key. */
  retriedToSuccess = 0;
  /** Actions whose retry after a 503 found them already applied (answered 409, present in the timeline). */
  appliedBeforeRetry = 0;

  count(status: number): void {
    this.statuses.set(status, (this.statuses.get(status) ?? 0) + 1);
  }

  get(status: number): number {
    return this.statuses.get(status) ?? 0;
  }

  /** Answers of 500 or above other than 503. */
  get serverErrors(): number {
    return [...this.statuses].filter(([s]) => s >= 500 && s !== 503).reduce((n, [, c]) => n + c, 0);
  }

  summary(): Record<string, number> {
    return Object.fromEntries([...this.statuses].sort(([a], [b]) => a - b).map(([s, c]) => [String(s), c]));
  }
}

export interface Answer {
  readonly status: number;
  readonly body: any;
  readonly retryAfter: string | null;
}

async function send(client: Client, method: 'GET' | 'POST', url: string, as: string, body?: unknown, key?: string) {
  const res = await fetch(`${client.apiUrl}${url}`, {
    method,
    headers: {
      authorization: `Bearer ${client.tokens[as]}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(key ? { 'idempotency-key': key } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(client.answerTimeoutMs),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined, retryAfter: res.headers.get('retry-after') };
}

/**
 * Sends one request until it gets an answer that is not a 503, a 409 "in progress" or a lost connection, with
 * the same Idempotency-Key each time. Answers the final answer and whether a 503 came before it.
 */
export async function persist(
  client: Client,
  tally: Tally,
  method: 'GET' | 'POST',
  url: string,
  as: string,
  body?: unknown,
): Promise<Answer & { readonly after503: boolean }> {
  const key = method === 'POST' ? randomUUID() : undefined;
  const until = Date.now() + client.actionBoundMs;
  let after503 = false;
  for (;;) {
    if (Date.now() > until) throw new Error(`${method} ${url}: no answer but 503 within ${client.actionBoundMs} ms`);
    const sent = Date.now();
    let answer: Answer;
    try {
      answer = await send(client, method, url, as, body, key);
    } catch {
      tally.count(0);
      await sleep(1_000);
      continue;
    }
    tally.slowestMs = Math.max(tally.slowestMs, Date.now() - sent);
    tally.count(answer.status);
    if (answer.status === 503) {
      after503 = true;
      if (!answer.retryAfter) tally.missingRetryAfter += 1;
      await sleep(Number(answer.retryAfter ?? '1') * 1000);
      continue;
    }
    if (answer.status >= 500) {
      await sleep(1_000);
      continue;
    }
    if (answer.status === 409 && answer.body?.title === 'Request in progress') {
      await sleep(500);
      continue;
    }
    return { ...answer, after503 };
  }
}

export interface Step {
  readonly path: string;
  readonly body: unknown;
  readonly as: string;
  readonly status: number;
  /** The timeline entry the action leaves. */
  readonly kind: string;
  /** For a leadership decision (a signal, applied a moment after its 202): the stage it leads to. */
  readonly leadsTo?: string;
}

/** An exemption from acceptance to the follow-up visit, each step by the demo user whose role it is. */
export function exemptionSteps(): { readonly toDetermination: Step[]; readonly fromDetermination: Step[] } {
  return {
    toDetermination: [
      {
        path: '/acceptance',
        body: { decision: 'accept', caseOfficer: 'officer.dc' },
        as: 'officer.dc',
        status: 200,
        kind: 'accepted',
      },
      {
        path: '/handling-opinion',
        body: { opinion: '拟启动调查核实', route: 'investigate' },
        as: 'officer.dc',
        status: 200,
        kind: 'handlingOpinionProposed',
      },
      {
        path: '/handling-opinion/approval',
        body: { approved: true, comment: '同意' },
        as: 'leader.dc',
        status: 202,
        kind: 'handlingOpinionApproved',
        leadsTo: 'investigation',
      },
      {
        path: '/investigation/team',
        body: { members: ['investigator.dc', '调查组成员乙'] },
        as: 'officer.dc',
        status: 200,
        kind: 'teamFormed',
      },
      ...['party', 'unit'].map((heard) => ({
        path: '/investigation/hearings',
        body: { heard, statementRef: `谈话笔录-${heard}`, summary: '如实说明情况' },
        as: 'investigator.dc',
        status: 200,
        kind: 'hearingRecorded',
      })),
      {
        path: '/investigation/report',
        body: { report: report('exempt') },
        as: 'investigator.dc',
        status: 200,
        kind: 'reportSubmitted',
      },
      {
        path: '/investigation/report/review',
        body: { approved: true, comment: '同意提交领导班子会议' },
        as: 'leader.dc',
        status: 202,
        kind: 'reportAccepted',
        leadsTo: 'determination',
      },
    ],
    fromDetermination: [
      {
        path: '/determination',
        body: {
          determination: {
            meetingDate: shanghaiToday(),
            attendees: ['书记', '副书记', '委员甲', '委员乙', '委员丙'],
            membersTotal: 7,
            outcome: 'exempt',
            reasoning: '综合六个方面察看，依纪依规依法作出决定',
            minutesRef: '会议纪要〔2026〕9号',
            reportRef: '调查报告〔2026〕1号',
          },
        },
        as: 'secretary.dc',
        status: 202,
        kind: 'determined',
        leadsTo: 'feedback',
      },
      {
        path: '/feedback',
        body: { documentRef: '反馈书〔2026〕3号' },
        as: 'officer.dc',
        status: 200,
        kind: 'feedbackDelivered',
      },
      {
        path: '/consultation',
        body: { partyAgrees: true, note: '本人同意在单位内通报' },
        as: 'officer.dc',
        status: 200,
        kind: 'consulted',
      },
      {
        path: '/announcement',
        body: { scope: '所在单位', form: '会议通报', documentRef: '通报〔2026〕1号' },
        as: 'officer.dc',
        status: 200,
        kind: 'announced',
      },
      {
        path: '/follow-up-visits',
        body: { visitedOn: shanghaiToday(), note: '回访教育，干部思想稳定' },
        as: 'officer.dc',
        status: 200,
        kind: 'followUpVisited',
      },
    ],
  };
}

/** What a driven case went through. */
export interface Driven {
  readonly caseNumber: string;
  /** Timeline kinds of the actions answered 2xx, one per action. */
  readonly acknowledged: string[];
  /** Timeline kinds of the actions whose retry after a 503 found them already applied. */
  readonly appliedBeforeRetry: string[];
}

/** Reads the case's state with retries; answers its body. */
export async function readCase(client: Client, tally: Tally, caseNumber: string): Promise<any> {
  const answer = await persist(client, tally, 'GET', `/cases/${caseNumber}`, 'officer.dc');
  if (answer.status !== 200)
    throw new Error(`GET /cases/${caseNumber}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}

/** The case's timeline kinds, in order. */
export async function timelineKinds(client: Client, tally: Tally, caseNumber: string): Promise<string[]> {
  const answer = await persist(client, tally, 'GET', `/cases/${caseNumber}/timeline`, 'officer.dc');
  if (answer.status !== 200) throw new Error(`timeline of ${caseNumber}: ${answer.status}`);
  return (answer.body.timeline as { kind: string }[]).map((e) => e.kind);
}

/** Polls the case until `done` holds for its state, within the client's action bound. */
export async function waitForCase(
  client: Client,
  tally: Tally,
  caseNumber: string,
  done: (state: any) => boolean,
  what: string,
): Promise<any> {
  const until = Date.now() + client.actionBoundMs;
  for (;;) {
    const state = await readCase(client, tally, caseNumber);
    if (done(state)) return state;
    if (Date.now() > until) throw new Error(`${caseNumber} never reached ${what}: stage ${state.stage}`);
    await sleep(200);
  }
}

/** Submits a new case as applicant.li; answers its number, with the submission's fate in `driven`. */
export async function submit(client: Client, tally: Tally, driven: Driven[]): Promise<Driven> {
  const answer = await persist(client, tally, 'POST', '/cases', 'applicant.li', { submission: application() });
  // A start cut off by a 503 may have numbered and started the case: the retry (same key) draws the same number and
  // finds its own start, so it too answers 201 with the number.
  if (answer.status !== 201) throw new Error(`POST /cases: ${answer.status} ${JSON.stringify(answer.body)}`);
  const d: Driven = { caseNumber: answer.body.caseNumber, acknowledged: ['submitted'], appliedBeforeRetry: [] };
  driven.push(d);
  return d;
}

/** Takes the steps on the case, each until it is answered. */
export async function takeSteps(client: Client, tally: Tally, d: Driven, steps: readonly Step[]): Promise<void> {
  for (const step of steps) {
    const answer = await persist(client, tally, 'POST', `/cases/${d.caseNumber}${step.path}`, step.as, step.body);
    if (answer.status === step.status) {
      d.acknowledged.push(step.kind);
      if (answer.after503) tally.retriedToSuccess += 1;
    } else if (answer.after503 && answer.status === 409) {
      // The attempt cut off by the 503 took effect, and the case moved on; the timeline must show it (checked later).
      tally.appliedBeforeRetry += 1;
      d.appliedBeforeRetry.push(step.kind);
    } else {
      throw new Error(`${d.caseNumber}${step.path}: ${answer.status} ${JSON.stringify(answer.body)}`);
    }
    if (step.leadsTo) {
      const stage = step.leadsTo;
      await waitForCase(client, tally, d.caseNumber, (s) => s.stage === stage, `stage ${stage}`);
    }
  }
}

/** Runs `task` for 0..count-1, at most `concurrency` at a time. */
export async function pool(count: number, concurrency: number, task: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, count) }, async () => {
      while (next < count) await task(next++);
    }),
  );
}

/** How often each timeline kind of `steps` appears in a whole journey. */
export function expectedKinds(steps: readonly Step[]): Record<string, number> {
  const counts: Record<string, number> = { submitted: 1 };
  for (const s of steps) counts[s.kind] = (counts[s.kind] ?? 0) + 1;
  return counts;
}

/** Counts of `kinds` restricted to the keys of `expected`. */
export function countKinds(kinds: readonly string[], expected: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.keys(expected).map((k) => [k, kinds.filter((x) => x === k).length]));
}

/** Cases whose timeline does not hold each of the journey's actions exactly as often as it was taken. */
export function timelineMismatches(
  driven: readonly Driven[],
  timelines: ReadonlyMap<string, readonly string[]>,
  steps: readonly Step[],
): number {
  const expected = expectedKinds(steps);
  return driven.filter((d) => {
    const counts = countKinds(timelines.get(d.caseNumber) ?? [], expected);
    return JSON.stringify(counts) !== JSON.stringify(expected) || d.acknowledged.some((k) => !counts[k]);
  }).length;
}
