/**
 * Art. 14 (POLICY §2) as a decision table, hit policy FIRST, and the one walk over it. The walk
 * only asks whether a condition (a fact against a threshold of the policy) holds, so the decimal
 * path (outcome.ts) and the exact integer path (outcome-fast.ts) decide from the same table.
 */
import type { Decimal } from './decimal';
import { percent, plain, yuan } from './format';
import type { Num, OutcomePolicy, Policy, ScoredRole, Threshold } from './policy-types';
import type { Text } from './result';

export const OUTCOMES = ['RETAIN', 'DEMOTE', 'TERMINATE'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** The facts Art. 14 compares, each with how it is read (input.ts kinds). */
export const FACT_KINDS = {
  score: 'amount',
  collectionRate: 'rate',
  violationPoints: 'amount',
  monthsBelowBase: 'count',
  deposit: 'growth',
  nplRatio: 'rate',
  lossAmount: 'money',
  priorDemotions: 'count',
} as const;

export type FactKey = keyof typeof FACT_KINDS;

/** One comparison: a fact against a threshold (times a target, for a completion). */
export interface Condition {
  readonly fact: FactKey;
  readonly threshold: (o: OutcomePolicy) => Threshold;
  /** Completion = actual ÷ target, compared as actual vs limit × target so nothing is divided. */
  readonly target?: (p: Policy) => Num;
}

/** Whether a condition holds for the facts being decided. */
export type Holds = (c: Condition) => boolean;

type Applies = 'all' | 'head' | 'manager';

/** One row of Art. 14 comparing one fact with one threshold of the policy. */
export interface ThresholdRow extends Condition {
  readonly kind: 'threshold';
  readonly rule: string;
  readonly outcome: Outcome;
  readonly applies: Applies;
  readonly label: Text;
  /** How the fact and the threshold read: a plain number, a percent, yuan. */
  readonly show: (x: Decimal) => string;
}

/** Art. 14(3): a major violation causing major economic loss. */
export interface MajorRow {
  readonly kind: 'major';
}

/** Art. 14(1)1: a branch head's demotion conditions, terminating when 2 years in a row. */
interface HeadDemotionRow {
  readonly kind: 'head-demotion';
}

const SCORE: Text = { en: 'score', zh: '考核得分' };

const MAJOR: MajorRow = { kind: 'major' };

/** POLICY §2 as a decision table, hit policy FIRST: the first row that holds decides. */
const ART_14: readonly (ThresholdRow | MajorRow | HeadDemotionRow)[] = [
  MAJOR,
  {
    kind: 'threshold',
    rule: 'art14.3.points',
    outcome: 'TERMINATE',
    applies: 'all',
    threshold: (o) => o.violationPoints,
    fact: 'violationPoints',
    label: { en: 'violation points', zh: '违规扣分' },
    show: plain,
  },
  {
    kind: 'threshold',
    rule: 'art14.1.2.loss',
    outcome: 'TERMINATE',
    applies: 'head',
    threshold: (o) => o.accidentLoss,
    fact: 'lossAmount',
    label: { en: 'accident loss', zh: '事故损失' },
    show: yuan,
  },
  {
    kind: 'threshold',
    rule: 'art14.2.terminate',
    outcome: 'TERMINATE',
    applies: 'manager',
    threshold: (o) => o.managerTerminateScore,
    fact: 'score',
    label: SCORE,
    show: plain,
  },
  { kind: 'head-demotion' },
  {
    kind: 'threshold',
    rule: 'art14.2.score',
    outcome: 'DEMOTE',
    applies: 'manager',
    threshold: (o) => o.managerScore,
    fact: 'score',
    label: SCORE,
    show: plain,
  },
  {
    kind: 'threshold',
    rule: 'art14.2.collection',
    outcome: 'DEMOTE',
    applies: 'manager',
    threshold: (o) => o.managerCollectionRate,
    fact: 'collectionRate',
    label: { en: 'collection rate', zh: '收贷收息率' },
    show: percent,
  },
  {
    kind: 'threshold',
    rule: 'art14.2.deposits',
    outcome: 'DEMOTE',
    applies: 'manager',
    threshold: (o) => o.managerMonthsBelowBase,
    fact: 'monthsBelowBase',
    label: { en: 'months below 90% of base deposits', zh: '连续低于基数存款90%月数' },
    show: plain,
  },
];

/** Art. 14(1)1: a branch head is demoted when any of these holds. */
export const HEAD_CONDITIONS: readonly Condition[] = [
  { fact: 'score', threshold: (o) => o.branchHeadScore },
  { fact: 'nplRatio', threshold: (o) => o.branchHeadNpl },
  {
    fact: 'deposit',
    threshold: (o) => o.branchHeadDepositCompletion,
    target: (p) => p.score.deposit.BRANCH_HEAD.target,
  },
  {
    fact: 'collectionRate',
    threshold: (o) => o.branchHeadCollectionCompletion,
    target: (p) => p.score.collection.target,
  },
];

/** Art. 14(1)1: demoted the year before too (2 years in a row) terminates instead. */
export const HEAD_REPEAT: Condition = {
  fact: 'priorDemotions',
  threshold: (o) => o.branchHeadRepeat,
};

/** Every condition the table can ask about (the fast path prepares each one's limit). */
export const CONDITIONS: readonly Condition[] = [
  ...ART_14.filter((r): r is ThresholdRow => r.kind === 'threshold'),
  ...HEAD_CONDITIONS,
  HEAD_REPEAT,
];

/** A branch head's demotion: the conditions that held, and whether it is the second year. */
export interface HeadVerdict {
  readonly kind: 'head';
  readonly held: readonly Condition[];
  readonly repeat: boolean;
}

export interface RetainVerdict {
  readonly kind: 'retain';
}

/** What decided: the row that held first, or none (retain). */
export type Verdict = MajorRow | ThresholdRow | HeadVerdict | RetainVerdict;

const RETAIN: RetainVerdict = { kind: 'retain' };

function applies(row: ThresholdRow, head: boolean): boolean {
  return row.applies === 'all' || (row.applies === 'head') === head;
}

/** Walks ART_14 in order; the first row whose condition holds decides. */
export function decide(role: ScoredRole, majorViolation: boolean, holds: Holds): Verdict {
  const head = role === 'BRANCH_HEAD';
  for (const row of ART_14) {
    if (row.kind === 'major') {
      if (majorViolation) return row;
    } else if (row.kind === 'head-demotion') {
      if (!head) continue;
      const held = HEAD_CONDITIONS.filter(holds);
      if (held.length > 0) return { kind: 'head', held, repeat: holds(HEAD_REPEAT) };
    } else if (applies(row, head) && holds(row)) {
      return row;
    }
  }
  return RETAIN;
}

export function outcomeOf(v: Verdict): Outcome {
  switch (v.kind) {
    case 'major':
      return 'TERMINATE';
    case 'threshold':
      return v.outcome;
    case 'head':
      return v.repeat ? 'TERMINATE' : 'DEMOTE';
    default:
      return 'RETAIN';
  }
}
