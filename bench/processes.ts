/**
 * The production topology on one machine: the worker and the API each in its own Node process, started from the
 * compiled `dist/` exactly as `docker-compose.yml` runs them, against the benchmark's dev server.
 */
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

import { projectRoot } from '../config/paths';

export interface Child {
  readonly process: ChildProcess;
  /** Milliseconds from spawn to its ready line. */
  readonly startupMs: number;
  /** Resident memory now, in MB. */
  rssMb(): number;
  stop(): Promise<void>;
}

/** Spawns `node dist/main.js <command>` and waits (up to 60 s) for a line of stdout matching `ready`. */
export async function startChild(
  command: 'worker' | 'api',
  env: Record<string, string>,
  ready: RegExp,
): Promise<Child> {
  const started = performance.now();
  const child = spawn(process.execPath, [path.join(projectRoot, 'dist', 'main.js'), command], {
    cwd: projectRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let errors = '';
  child.stderr.on('data', (chunk: Buffer) => {
    errors = (errors + chunk.toString()).slice(-4000);
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${command} not ready in 60 s:\n${errors}`)), 60_000);
    let out = '';
    const onData = (chunk: Buffer): void => {
      out += chunk.toString();
      if (ready.test(out)) {
        clearTimeout(timer);
        child.stdout.off('data', onData);
        child.stdout.resume();
        resolve();
      }
    };
    child.stdout.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${command} exited with ${code}:\n${errors}`));
    });
  });
  const startupMs = performance.now() - started;
  return {
    process: child,
    startupMs,
    rssMb: () => {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? Number.NaN) / 1024;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        // Already gone, by its own exit or by a signal (a crash test's SIGKILL): exitCode alone misses the latter.
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 15_000).unref();
      }),
  };
}
