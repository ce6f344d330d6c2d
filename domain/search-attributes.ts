import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

/**
 * Custom search attributes that let operators find cases in the Temporal Web UI. They are never encrypted, so they
 * hold codes only, never names or facts.
 */
export const CaseStage = defineSearchAttributeKey('CaseStage', SearchAttributeType.KEYWORD);
export const HandlingBodyKey = defineSearchAttributeKey('HandlingBody', SearchAttributeType.KEYWORD);
export const SituationKey = defineSearchAttributeKey('Situation', SearchAttributeType.KEYWORD);
export const NextDeadline = defineSearchAttributeKey('NextDeadline', SearchAttributeType.DATETIME);
export const Overdue = defineSearchAttributeKey('Overdue', SearchAttributeType.BOOL);
export const OutcomeKey = defineSearchAttributeKey('Outcome', SearchAttributeType.KEYWORD);
/** True while a running deadline depends on a year whose holiday arrangement is not loaded yet. */
export const ProvisionalDeadline = defineSearchAttributeKey('ProvisionalDeadline', SearchAttributeType.BOOL);
/** 快查快结 as the accepting officer established it: set at acceptance, absent before and on declined cases. */
export const FastTrack = defineSearchAttributeKey('FastTrack', SearchAttributeType.BOOL);
/** The applicant's user id, so an applicant's list shows only their own cases; an id code, never a name. */
export const ApplicantId = defineSearchAttributeKey('ApplicantId', SearchAttributeType.KEYWORD);
/** The case's level in the organisation tree (a level id, the party's unit's level); absent on older cases: the city. */
export const HandlingLevel = defineSearchAttributeKey('HandlingLevel', SearchAttributeType.KEYWORD);
/** A keyed blind index of the party's identifier (`pi-…`), so one person's cases are found; never the identifier. */
export const PartyId = defineSearchAttributeKey('PartyId', SearchAttributeType.KEYWORD);

/** Every custom key, for registering them with a server. */
export const CASE_SEARCH_ATTRIBUTES = [
  CaseStage,
  HandlingBodyKey,
  SituationKey,
  NextDeadline,
  Overdue,
  OutcomeKey,
  ProvisionalDeadline,
  ApplicantId,
  FastTrack,
  HandlingLevel,
  PartyId,
] as const;
