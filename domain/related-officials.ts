/**
 * 予以容错的，不再追究相关主体责任、监督责任、监管责任和领导责任: a decision that tolerates an error also clears the
 * officials who would have answered for it, each named with the responsibilities cleared.
 */

/** 主体责任, 监督责任, 监管责任, 领导责任. */
export const RESPONSIBILITIES = ['primary', 'oversight', 'regulatory', 'leadership'] as const;
export type Responsibility = (typeof RESPONSIBILITIES)[number];

export const RESPONSIBILITY_NAMES: Readonly<Record<Responsibility, string>> = {
  primary: '主体责任',
  oversight: '监督责任',
  regulatory: '监管责任',
  leadership: '领导责任',
};

/** An official whose related responsibilities the decision no longer pursues. */
export interface RelatedOfficial {
  readonly name: string;
  /** 职务: the post in which they would have answered. */
  readonly post: string;
  readonly responsibilities: readonly Responsibility[];
}

/** 不再追究王某（某局局长）的主体责任、领导责任. */
export function clearedText(o: RelatedOfficial): string {
  return `不再追究${o.name}（${o.post}）的${o.responsibilities.map((r) => RESPONSIBILITY_NAMES[r]).join('、')}`;
}
