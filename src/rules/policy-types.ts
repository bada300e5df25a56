/**
 * The shape of a policy: every number the written policy states, with the article it comes from.
 * Numbers are decimal text (`'0.995'`) so they are exact and hash the same everywhere.
 */
import type { ManagerGrade, Role } from './roles';
import type { Text } from './result';

/** A decimal number written as text, e.g. `'0.995'`, `'5000000'`. */
export type Num = string;

export type Op = '<' | '<=' | '>' | '>=';

/** Where a number comes from: the article and the policy's own words. */
export interface Cited {
  readonly article: string;
  /** The original phrase, e.g. `85分以下`. */
  readonly source: string;
}

/** `value op threshold`, e.g. score <= 85. */
export interface Threshold extends Cited {
  readonly op: Op;
  readonly value: Num;
}

/** A band with each end's inclusivity (FEEL `[a..b]`, `(a..b]`); null is unbounded. */
export interface Band<T> extends Cited {
  readonly lo: Num | null;
  readonly loIncluded: boolean;
  readonly hi: Num | null;
  readonly hiIncluded: boolean;
  readonly value: T;
}

/**
 * base points at target, moved by pointsPerStep for every step of deviation, clamped to
 * [min, max]. `stepOfTarget`: the step is that fraction of the target (JUNIOR: 1% of 100万).
 */
export interface LinearItem extends Cited {
  readonly kind: 'linear';
  readonly input: 'growth' | 'amount' | 'rate';
  readonly base: Num;
  readonly target: Num;
  readonly step: Num;
  readonly stepOfTarget: boolean;
  readonly pointsPerStep: Num;
  readonly min: Num;
  readonly max: Num;
}

/** points × min(count, target) ÷ target; option all_or_nothing: points or 0. */
export interface ProportionalItem extends Cited {
  readonly kind: 'proportional';
  readonly input: 'count';
  readonly points: Num;
  readonly target: Num;
}

/** Points by band, first matching band wins (DMN hit policy FIRST). */
export interface BandItem extends Cited {
  readonly kind: 'bands';
  readonly input: 'rate';
  readonly bands: readonly Band<Num>[];
}

export type ScoredRole = Exclude<Role, 'AGENT'>;

export interface ScorePolicy {
  readonly article: string;
  readonly deposit: Readonly<Record<ScoredRole, LinearItem>>;
  readonly npl: BandItem;
  readonly collection: LinearItem;
  readonly fourth: Readonly<Record<ScoredRole, LinearItem | ProportionalItem>>;
  /** Decimal places of the total (rounded half away from zero). */
  readonly totalPlaces: number;
  readonly totalRange: Readonly<Record<ScoredRole, { readonly min: Num; readonly max: Num }>>;
}

export interface OutcomePolicy {
  readonly majorViolation: Cited;
  readonly violationPoints: Threshold;
  readonly accidentLoss: Threshold;
  readonly managerTerminateScore: Threshold;
  readonly branchHeadRepeat: Threshold;
  readonly branchHeadScore: Threshold;
  readonly branchHeadNpl: Threshold;
  readonly branchHeadDepositCompletion: Threshold;
  readonly branchHeadCollectionCompletion: Threshold;
  readonly managerScore: Threshold;
  readonly managerCollectionRate: Threshold;
  readonly managerMonthsBelowBase: Threshold;
  /** A month counts as below base when deposits are below this fraction of the base. */
  readonly belowBaseRatio: Threshold;
  /** Demotion leads one grade down (Art. 9(2), Art. 24). */
  readonly demotion: Cited & { readonly next: Readonly<Record<Exclude<Role, 'AGENT'>, Role>> };
}

export interface CollectionDutyPolicy {
  readonly overall: Threshold;
  readonly newLoans: Threshold;
}

export interface ReservePolicy extends Cited {
  readonly rate: Num;
  readonly caps: Readonly<Record<ManagerGrade, Num>>;
  readonly moneyPlaces: number;
  readonly refund: Cited & { readonly afterMonths: Num };
}

export interface AuthorityPolicy extends Cited {
  /** Single-loan limits, lowest grade first; each includes its number (以下). */
  readonly limits: readonly {
    readonly role: ManagerGrade;
    readonly max: Num;
    readonly source: string;
  }[];
  /** Who holds authority above every limit. */
  readonly above: Role;
}

export interface TierCondition {
  readonly field: 'deposits' | 'loans';
  readonly op: Op;
  readonly value: Num;
}

export interface TierRule extends Cited {
  readonly grade: ManagerGrade;
  readonly match: 'any' | 'all';
  readonly conditions: readonly TierCondition[];
  /** True where no band of Art. 12 covers the client (the 3–5 million gap). */
  readonly gap: boolean;
}

export interface PromotionPolicy extends Cited {
  readonly windows: readonly {
    readonly maxMonths: Num;
    readonly minDeposits: Num;
    readonly source: string;
  }[];
}

export interface QualificationPolicy extends Cited {
  readonly provisionalDeposits: Threshold;
}

export interface PolicyOptions {
  /** POLICY §1: only complete steps count, truncated toward the target. */
  readonly whole_steps: boolean;
  /** POLICY §1.4: the accounts item gives its points at target, else 0. */
  readonly all_or_nothing: boolean;
}

export interface Policy {
  readonly id: string;
  readonly name: Text;
  readonly version: string;
  readonly options: PolicyOptions;
  readonly score: ScorePolicy;
  readonly outcome: OutcomePolicy;
  readonly collectionDuty: CollectionDutyPolicy;
  readonly reserve: ReservePolicy;
  readonly authority: AuthorityPolicy;
  readonly tier: readonly TierRule[];
  readonly promotion: PromotionPolicy;
  readonly qualification: QualificationPolicy;
}
