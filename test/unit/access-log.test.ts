/**
 * The access log is tamper-evident: each record carries the hash of the one before, the check names the first
 * record altered, removed or moved by its line, and records appended at once by concurrent requests form one
 * unbroken chain.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import type { AccessEntry } from '../../api/http/access-chain';
import { chainRecord, GENESIS, verifyChain } from '../../api/http/access-chain';
import { FileAccessLog } from '../../api/http/access-log';
import { projectRoot } from '../../config/paths';

const read = (n: number): AccessEntry => ({
  actor: 'officer.dc',
  role: 'caseOfficer',
  body: 'disciplineCommission',
  caseNumbers: [`JW-2026-${String(n).padStart(4, '0')}`],
  what: 'GET /cases/{n}',
});

function chain(count: number, alg: 'sha256' | 'sm3' = 'sha256'): string[] {
  const lines: string[] = [];
  let prev;
  for (let i = 1; i <= count; i++) {
    prev = chainRecord(prev, read(i), new Date(Date.UTC(2026, 11, 2, 8, 0, i)), alg);
    lines.push(JSON.stringify(prev));
  }
  return lines;
}

test('each record carries the hash of the record before it, the first the genesis value', () => {
  const [first, second] = chain(2).map((l) => JSON.parse(l) as { prev: string; hash: string; seq: number });
  expect(first).toMatchObject({ seq: 1, prev: GENESIS });
  expect(second).toMatchObject({ seq: 2, prev: first.hash });
  expect(verifyChain(chain(5))).toEqual({ ok: true, records: 5 });
  expect(verifyChain(chain(3, 'sm3'))).toEqual({ ok: true, records: 3 });
});

test('a record altered afterwards is found at its exact line', () => {
  const lines = chain(6);
  lines[3] = lines[3].replace('JW-2026-0004', 'JW-2026-0099');
  expect(verifyChain(lines)).toMatchObject({
    ok: false,
    line: 4,
    records: 3,
    reason: expect.stringMatching(/altered/),
  });
});

test('a record removed, or records swapped, break the chain at the first line out of place', () => {
  const removed = chain(5);
  removed.splice(2, 1);
  expect(verifyChain(removed)).toMatchObject({ ok: false, line: 3, reason: expect.stringMatching(/chain is broken/) });
  const swapped = chain(5);
  [swapped[1], swapped[2]] = [swapped[2], swapped[1]];
  expect(verifyChain(swapped)).toMatchObject({ ok: false, line: 2 });
});

test('a record rewritten with a recomputed hash of its own still breaks the link to the next', () => {
  const lines = chain(4);
  const forged = JSON.parse(lines[1]) as Record<string, unknown>;
  delete forged.hash;
  forged.caseNumbers = ['JW-2026-0777'];
  lines[1] = JSON.stringify({ ...forged, hash: createHash('sha256').update(JSON.stringify(forged)).digest('hex') });
  expect(verifyChain(lines)).toMatchObject({ ok: false, line: 3, reason: expect.stringMatching(/chain is broken/) });
});

test('a hundred concurrent appends make one unbroken chain of a hundred records', async () => {
  const log = new FileAccessLog({ dir: mkdtempSync(path.join(tmpdir(), 'access-log-')) });
  await Promise.all(Array.from({ length: 100 }, (_, i) => log.append(read(i + 1))));
  await log.close();
  const lines = readFileSync(log.file!, 'utf8').trim().split('\n');
  expect(verifyChain(lines)).toEqual({ ok: true, records: 100 });
});

test('npm run access-log:verify reports the first broken link of each file by file and line', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'access-verify-'));
  writeFileSync(path.join(dir, 'access-a.jsonl'), `${chain(3).join('\n')}\n`);
  const tampered = chain(4);
  tampered[2] = tampered[2].replace('officer.dc', 'officer.od');
  writeFileSync(path.join(dir, 'access-b.jsonl'), `${tampered.join('\n')}\n`);
  const tool = path.join(projectRoot, 'tools', 'access-log-verify.ts');
  const node = path.join(projectRoot, 'node_modules', '.bin', 'node');
  let out = '';
  let status = 0;
  try {
    execFileSync(node, ['--import', 'tsx', tool, dir], { cwd: projectRoot, encoding: 'utf8' });
  } catch (err) {
    ({ stdout: out, status } = err as { stdout: string; status: number });
  }
  expect(status).toBe(1);
  expect(out).toContain(`${path.join(dir, 'access-a.jsonl')}: 3 records, chain intact`);
  expect(out).toContain(`${path.join(dir, 'access-b.jsonl')}:3: the record was altered`);
});
