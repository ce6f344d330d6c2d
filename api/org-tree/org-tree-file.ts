/**
 * The operators' organisation tree file: its schema, reading it at start (a bad file stops the API with the entry
 * named), and replacing it at run time. The API keeps the tree it last read; an operator's replacement is checked
 * whole before it is written, so a bad upload changes nothing.
 */
import { readFileSync, statSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { z } from 'zod';

import { projectRoot } from '../../config/paths';
import { HANDLING_BODIES } from '../../domain/case';
import type { OrgTree, OrgTreeIndex } from '../../domain/org-tree';
import { indexOrgTree, orgTreeProblems } from '../../domain/org-tree';
import { ORG_TREE_TEXTS } from '../../domain/texts';

/** The tree the repository ships: the city and its counties and districts. */
export const DEFAULT_ORG_TREE_FILE = path.join(projectRoot, 'config', 'org-tree.json');

const id = z.string().regex(/^[a-z][a-z0-9.-]{0,63}$/, ORG_TREE_TEXTS.idForm);
const name = z.string().trim().min(1).max(100);
const levelBody = z.strictObject({ name, office: name }, { error: ORG_TREE_TEXTS.bodyNamed });

/** The file's shape; `orgTreeProblems` then checks what a schema cannot (unique ids, one root, parents). */
export const orgTreeFileSchema = z.strictObject({
  levels: z
    .array(
      z.strictObject({
        id,
        name,
        parent: id.nullable(),
        bodies: z.strictObject(
          Object.fromEntries(HANDLING_BODIES.map((b) => [b, levelBody])) as Record<
            (typeof HANDLING_BODIES)[number],
            typeof levelBody
          >,
        ),
        // Bounded so that a tree one entry too long still fits the API's 256 KB body and is refused by name (400).
        units: z
          .array(
            z.strictObject({
              id,
              name: z.string().trim().min(1).max(200),
              // 单位联系人: the subjects who may apply for the unit; few per unit, so the tree still fits the body limit.
              contacts: z.array(z.string().min(1).max(64)).max(20).optional(),
            }),
          )
          .max(1_000),
      }),
    )
    .min(1)
    .max(200),
}) satisfies z.ZodType<OrgTree>;

/** A tree that is not fit to use, with every problem named by its entry. */
export class OrgTreeError extends Error {
  constructor(
    readonly source: string,
    readonly problems: readonly string[],
  ) {
    super(ORG_TREE_TEXTS.wrong(source, problems));
    this.name = 'OrgTreeError';
  }
}

/**
 * Checks `body` as a whole tree and indexes it.
 *
 * @throws OrgTreeError naming each bad entry.
 */
export function parseOrgTree(body: unknown, source: string): OrgTreeIndex {
  const parsed = orgTreeFileSchema.safeParse(body);
  if (!parsed.success) {
    throw new OrgTreeError(
      source,
      parsed.error.issues.map((i) => `${i.path.join('.').replace(/\.(\d+)/g, '[$1]')}: ${i.message}`),
    );
  }
  const problems = orgTreeProblems(parsed.data);
  if (problems.length) throw new OrgTreeError(source, problems);
  return indexOrgTree(parsed.data);
}

/**
 * Reads and checks the file at start.
 *
 * @throws OrgTreeError when the file is missing, not JSON, or names a bad entry.
 */
export function readOrgTreeFile(file: string): OrgTreeIndex {
  let body: unknown;
  try {
    body = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new OrgTreeError(file, [ORG_TREE_TEXTS.unreadable((err as Error).message)]);
  }
  return parseOrgTree(body, file);
}

/** The tree the API answers from, replaced whole by an operator. */
export interface OrgTreeHolder {
  current(): OrgTreeIndex;
  /** Writes `tree` (already checked) to the file, then answers from it. */
  replace(tree: OrgTreeIndex): Promise<void>;
}

/** How often the file's modification time is looked at, so a replacement by another API process is seen. */
export const ORG_TREE_RECHECK_MS = 1_000;

/**
 * Holds the tree read from `file` at start. Several API processes may share the file: each looks at its
 * modification time at most once every `ORG_TREE_RECHECK_MS` and reads it again when it changed, so another
 * process's `PUT /org-tree` is in force here within that time. A file changed into a bad tree by hand is not taken:
 * the tree in force stays, and `onBadFile` hears why.
 */
export function orgTreeHolder(file: string, onBadFile: (err: OrgTreeError) => void = () => {}): OrgTreeHolder {
  let index = readOrgTreeFile(file);
  let seen = mtimeOf(file);
  let checkedAt = Date.now();
  const recheck = () => {
    const now = Date.now();
    if (now - checkedAt < ORG_TREE_RECHECK_MS) return;
    checkedAt = now;
    const mtime = mtimeOf(file);
    if (mtime === seen) return;
    seen = mtime;
    try {
      index = readOrgTreeFile(file);
    } catch (err) {
      if (!(err instanceof OrgTreeError)) throw err;
      onBadFile(err);
    }
  };
  return {
    current: () => {
      recheck();
      return index;
    },
    async replace(tree) {
      // Written beside and renamed over, so that a crash mid-write leaves the old file whole.
      const temporary = `${file}.${process.pid}.tmp`;
      await writeFile(temporary, `${JSON.stringify(tree.tree, null, 2)}\n`);
      await rename(temporary, file);
      index = tree;
      seen = mtimeOf(file);
    },
  };
}

/** The file's modification time in nanoseconds and its size, as text; none for a file that is not there (the tree stays). */
function mtimeOf(file: string): string | undefined {
  try {
    const stat = statSync(file, { bigint: true });
    return `${stat.mtimeNs}/${stat.size}`;
  } catch {
    return undefined;
  }
}
