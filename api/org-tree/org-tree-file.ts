/**
 * The operators' organisation tree file: its schema, reading it at start (a bad file stops the API with the entry
 * named), and replacing it at run time. The API keeps the tree it last read; an operator's replacement is checked
 * whole before it is written, so a bad upload changes nothing.
 */
import { readFileSync } from 'node:fs';
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
        units: z.array(z.strictObject({ id, name: z.string().trim().min(1).max(200) })).max(1_000),
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

/** Holds the tree read from `file` at start. */
export function orgTreeHolder(file: string): OrgTreeHolder {
  let index = readOrgTreeFile(file);
  return {
    current: () => index,
    async replace(tree) {
      // Written beside and renamed over, so that a crash mid-write leaves the old file whole.
      const temporary = `${file}.${process.pid}.tmp`;
      await writeFile(temporary, `${JSON.stringify(tree.tree, null, 2)}\n`);
      await rename(temporary, file);
      index = tree;
    },
  };
}
