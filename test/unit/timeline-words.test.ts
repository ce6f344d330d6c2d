/**
 * Everything a person reads is in words, never in codes: the rule itself, a Chinese label for every code a sentence
 * names, and every timeline entry of the saved histories of this release.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import type { Payload } from '@temporalio/common';
import { defaultPayloadConverter } from '@temporalio/common';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';

import { CaseCodec } from '../../codec/case-codec';
import type { CaseState } from '../../domain/case';
import { CLOSURES, DIRECT_CLOSURE_GROUNDS, EXCLUSION_GROUNDS, HANDLING_ROUTES } from '../../domain/case';
import { REFERRAL_OUTCOMES } from '../../domain/false-reports';
import {
  CLOSURE_NAMES,
  DIRECT_CLOSURE_GROUND_NAMES,
  EXCLUSION_GROUND_NAMES,
  HANDLING_ROUTE_NAMES,
  messageLabel,
  NOTICE_KIND_NAMES,
  REFERRAL_OUTCOME_NAMES,
} from '../../domain/labels';
import { DECISION_NAMES, UPDATE_NAMES } from '../../domain/messages';
import { CASE_ACTIONS } from '../../domain/procedure';
import { HISTORIES_DIR, RELEASE } from '../helpers/histories';
import { TEST_PAYLOAD_KEYS } from '../helpers/payload-keys';
import { codesIn, entriesWithCodes } from '../helpers/timeline-words';

const han = /\p{Script=Han}/u;

describe('the rule: a code is a run of ASCII letters that is no identifier of the case', () => {
  test('a ground or a count in English is a code', () => {
    expect(codesIn('排除（retaliation）：举报系打击报复', new Set())).toEqual(['retaliation']);
    expect(codesIn('no quorum: 3 of 7', new Set())).toEqual(['no', 'quorum', 'of']);
    expect(codesIn('通知未能送达（feedback）', new Set())).toEqual(['feedback']);
  });

  test('case numbers, calendar versions, receipts and the people of the case are identifiers', () => {
    const ids = new Set(['officer.dc']);
    expect(codesIn('案件 NY-2026-0001 已受理，承办人：officer.dc', ids)).toEqual([]);
    expect(codesIn('（日历版本 cal-0123456789ab）', ids)).toEqual([]);
    expect(codesIn('回执 3f2c8a4e-1b2d-4c3e-9f00-0123456789ab', ids)).toEqual([]);
    expect(codesIn('承办人：officer.od', ids)).toEqual(['officer.od']);
  });

  test('dates, numbers and single letters are not codes', () => {
    expect(codesIn('约谈提醒（2026-12-03），至 2027-06-10T16:00:00.000Z', new Set())).toEqual([]);
  });
});

describe('every code a sentence names has its Chinese label', () => {
  const everyLabel: [string, readonly string[], Readonly<Record<string, string>>][] = [
    ['exclusion grounds', EXCLUSION_GROUNDS, EXCLUSION_GROUND_NAMES],
    ['direct closure grounds', DIRECT_CLOSURE_GROUNDS, DIRECT_CLOSURE_GROUND_NAMES],
    ['handling routes', HANDLING_ROUTES, HANDLING_ROUTE_NAMES],
    ['closures', CLOSURES, CLOSURE_NAMES],
    ['referral outcomes', REFERRAL_OUTCOMES, REFERRAL_OUTCOME_NAMES],
    ['notice kinds', Object.keys(NOTICE_KIND_NAMES), NOTICE_KIND_NAMES],
  ];
  test.each(everyLabel)('%s', (_, codes, names) => {
    for (const code of codes) expect({ code, label: han.test(names[code] ?? '') }).toEqual({ code, label: true });
  });

  test('every action and every message is named in Chinese in the timeline', () => {
    for (const name of [...CASE_ACTIONS, ...UPDATE_NAMES, ...DECISION_NAMES]) {
      expect({ name, label: han.test(messageLabel(name)) }).toEqual({ name, label: true });
    }
    expect(messageLabel('toString')).toBe('未知消息');
  });
});

/** The state each saved history of this release ended with, decoded with the test key under its case number. */
async function finalStates(): Promise<{ file: string; state: CaseState }[]> {
  const dir = path.join(HISTORIES_DIR, RELEASE);
  const codec = new CaseCodec(TEST_PAYLOAD_KEYS);
  const states: { file: string; state: CaseState }[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    const workflowId = /@([^/]+)\.json$/.exec(file)?.[1] ?? file;
    const history = historyFromJSON(JSON.parse(readFileSync(path.join(dir, file), 'utf8')));
    for (const event of history.events ?? []) {
      const payloads = event.workflowExecutionCompletedEventAttributes?.result?.payloads;
      if (!payloads?.length) continue;
      const [decoded] = await codec.decode(payloads as Payload[], {
        type: 'workflow',
        namespace: 'default',
        workflowId,
      });
      states.push({ file, state: defaultPayloadConverter.fromPayload<CaseState>(decoded) });
    }
  }
  return states;
}

test('every timeline entry of every saved history of this release that ran to its end is in words', async () => {
  const states = await finalStates();
  expect(states.length).toBeGreaterThanOrEqual(8);
  const found = states.flatMap(({ file, state }) => entriesWithCodes(state).map((e) => `${file}: ${e}`));
  expect(found).toEqual([]);
});
