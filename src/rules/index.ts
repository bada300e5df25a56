/**
 * The rules core: the policy as data and the pure rules over it. Every other part of the
 * add-in (functions, sheets, engine, task pane) calls the policy through this module only.
 */
export * from './result';
export * from './roles';
export * from './policy-types';
export { DEFAULT_POLICY, withoutSchemaKey } from './policy';
export { policyConsistency, type PolicyProblem } from './policy-consistency';
export { canonicalJson, policyHash, policyVersionText } from './policy-hash';
export { sha256Hex } from './sha256';
export { Decimal, fromExcelNumber, roundHalfAway } from './decimal';
export * from './input';
export { num, meets, firstBand, inBand, bandText } from './compare';
export { appraisalScore, scoreBreakdown, type ScoreBreakdown, type ScoreInput } from './score';
export { gradeOutcome, OUTCOMES, type Outcome, type OutcomeInput } from './outcome';
export { nextGrade, monthsBelowBase, collectionDuty } from './grade';
export {
  riskReserve,
  riskReserveNumber,
  reserveSchedule,
  reserveRefund,
  type ScheduleMonth,
} from './reserve';
export { loanAuthority, loanApprover } from './authority';
export { clientTier, type Tier } from './tier';
export { promotionEligible, qualification, type Qualification } from './promotion';
export { LABELS } from './labels';
export { articleText, articlesIn, chineseNumber } from './article';
export { PARAM_LABELS, paramLabel } from './param-labels';
