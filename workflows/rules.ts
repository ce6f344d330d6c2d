/**
 * Which actions the procedure opens at each point of a case. The validators refuse anything else, and the state
 * query shows exactly this list, so the API's 409 answers and the officers' screens agree with the workflow.
 */
import type { CaseAction } from '../domain/actions';
import type { CaseData } from './case-data';

/** The actions open now, in the order an officer would take them. */
export function openActions(d: CaseData): CaseAction[] {
  const open: CaseAction[] = [];
  switch (d.stage) {
    case 'acceptance':
      open.push('decideAcceptance');
      break;
    case 'handlingOpinion':
      open.push('proposeHandlingOpinion');
      break;
    case 'opinionApproval':
      open.push('approveHandlingOpinion');
      break;
    case 'rectification':
      open.push('verifyRectification');
      break;
    case 'investigation':
      if (!d.investigationTeam) open.push('formInvestigationTeam');
      else {
        open.push('recordEvidence', 'recordHearing');
        if (hearingsComplete(d)) open.push('submitInvestigationReport');
      }
      open.push('exclude', 'closeDirectly');
      break;
    case 'reportReview':
      open.push('reviewInvestigationReport');
      break;
    case 'determination':
      open.push('recordDetermination');
      break;
    case 'feedback':
      open.push('deliverFeedback');
      break;
    case 'aftercare':
      open.push(...aftercareActions(d));
      break;
    case 'declined':
    case 'closed':
      break;
  }
  // 领导重新指定承办人或调整调查组: from acceptance until the case is over.
  if (d.caseOfficer !== undefined && d.stage !== 'declined' && d.stage !== 'closed') open.push('reassign');
  if (hasRunningClock(d)) open.push(d.pauses.some((p) => !p.until) ? 'resumeClock' : 'pauseClock');
  return open;
}

/** Both the official and their unit must be heard before the report (听取干部本人和所在单位意见). */
export function hearingsComplete(d: CaseData): boolean {
  return d.hearings.some((h) => h.heard === 'party') && d.hearings.some((h) => h.heard === 'unit');
}

/** An announcement fits a favourable conclusion or a cleared name, and only after the party was consulted. */
export function announcementFits(d: CaseData): boolean {
  const favourable = d.outcome === 'exempt' || d.outcome === 'reduce' || d.nameCleared === true;
  return favourable && d.consultation?.partyAgrees === true && !d.announced;
}

function aftercareActions(d: CaseData): CaseAction[] {
  const open: CaseAction[] = [];
  const owed = new Set(d.openObligations);
  if (owed.has('followUpVisit')) open.push('recordFollowUpVisit');
  if (owed.has('integrityReviewReply')) open.push('replyIntegrityReview');
  if (owed.has('falseReportRecord')) open.push('recordFalseReport');
  const favourable = d.outcome === 'exempt' || d.outcome === 'reduce' || owed.has('nameClearing');
  if (favourable && !d.consultation) open.push('recordConsultation');
  if (owed.has('nameClearing') && d.consultation) open.push('clearName');
  if (announcementFits(d)) open.push('announce');
  return open;
}

function hasRunningClock(d: CaseData): boolean {
  return d.deadlines.some((x) => x.status === 'running' || x.status === 'paused' || x.status === 'overdue');
}
