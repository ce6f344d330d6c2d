/**
 * 当事人标识: an official is identified by their 居民身份证号码 (GB 11643, 18 characters whose last is a check
 * character) or by the body's 干部编号 (cadre number). The identifier is personal data: it travels only inside the
 * sealed submission, and cases are found by a keyed blind index of it (codec/blind-index.ts), never by the
 * identifier itself.
 */

/** GB 11643 weights of the first 17 digits; the sum modulo 11 picks the check character. */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARACTERS = '10X98765432';

/** A cadre number: the body's letters and a serial, e.g. `GB2026000123`. */
const CADRE_NUMBER = /^[A-Z]{2,6}\d{6,12}$/;
const RESIDENT_ID = /^\d{17}[\dX]$/;

/** The check character of a resident ID number's first 17 digits. */
export function residentIdCheckCharacter(first17: string): string {
  const sum = WEIGHTS.reduce((total, weight, i) => total + weight * Number(first17[i]), 0);
  return CHECK_CHARACTERS[sum % 11];
}

/** The form every identifier is compared and indexed in: no surrounding spaces, upper case (a typed `x` is `X`). */
export function normaliseIdentifier(raw: string): string {
  return raw.trim().toUpperCase();
}

/**
 * Why `raw` is no identifier, in Chinese for the person who typed it, or undefined when it is one: a resident ID
 * number of 18 characters with the right check character, or a cadre number.
 */
export function identifierProblem(raw: string): string | undefined {
  const id = normaliseIdentifier(raw);
  if (CADRE_NUMBER.test(id)) return undefined;
  if (!/^\d/.test(id)) return '须为 18 位居民身份证号码或本机关干部编号';
  if (id.length !== 18) return `居民身份证号码应为 18 位，收到 ${id.length} 位`;
  if (!RESIDENT_ID.test(id)) return '居民身份证号码前 17 位须为数字，末位为数字或 X';
  const expected = residentIdCheckCharacter(id.slice(0, 17));
  if (id[17] !== expected) return '居民身份证号码校验码不符（GB 11643）';
  return undefined;
}

/** What the API knows of an applicant for 本人申请: their own identifier, and the units they are a contact of. */
export interface ApplyingAs {
  /** Their 居民身份证号码 or cadre number (token claim `identifier`). */
  readonly identifier?: string;
  /** Whether they are a contact (单位联系人) of the unit: listed in the organisation tree, or named by their token. */
  readonly isContactOf: (unitId: string) => boolean;
}

/**
 * 本人申请: an applicant applies about the official their token names (its `identifier` claim, which the identity
 * provider vouches for), or about a unit as that unit's contact, which the submission must name (`unitId`); never
 * about another official, nor for any unit at all.
 */
export function applicantMayApplyFor(
  applicant: ApplyingAs,
  party: { readonly kind: 'unit' | 'official'; readonly identifier?: string },
  unitId: string | undefined,
): boolean {
  if (party.kind === 'unit') return unitId !== undefined && applicant.isContactOf(unitId);
  return applicant.identifier !== undefined && party.identifier === applicant.identifier;
}
