/**
 * The floor under every figure: how many fsync'd SQLite transactions per second this disk does, measured in the
 * directory that holds the dev server's database. Python's sqlite3 does it (Node 20 has no SQLite of its own).
 */
import { execFileSync } from 'node:child_process';

const SCRIPT = `
import sqlite3, sys, time, os
path = os.path.join(sys.argv[1], 'floor.sqlite')
db = sqlite3.connect(path, isolation_level=None)
db.execute('PRAGMA journal_mode=WAL')
db.execute('PRAGMA synchronous=FULL')
db.execute('CREATE TABLE IF NOT EXISTS t (id INTEGER PRIMARY KEY, v BLOB)')
n = 0
start = time.perf_counter()
while time.perf_counter() - start < 5:
    db.execute('BEGIN')
    db.execute('INSERT INTO t (v) VALUES (?)', (os.urandom(256),))
    db.execute('COMMIT')
    n += 1
print(n / (time.perf_counter() - start))
db.close()
for suffix in ('', '-wal', '-shm'):
    try: os.remove(path + suffix)
    except FileNotFoundError: pass
`;

/** Committed single-row transactions per second over 5 s, WAL mode with synchronous=FULL, in `dir`. */
export function fsyncedTransactionsPerSecond(dir: string): number {
  return Number(execFileSync('python3', ['-c', SCRIPT, dir], { encoding: 'utf8' }).trim());
}
