/**
 * Which appraisal inputs a role needs and which it uses, derived from the policy data: the
 * deposit and fourth items of Art. 13 name their input kind per role, the reserve caps of
 * Art. 25(2) name the roles that withhold. Only the facts Art. 14 reads per role follow
 * FUNCTIONS.md (GRADE_OUTCOME reads loss_amount and prior_demotions for BRANCH_HEAD only,
 * months_below_base for the three customer-manager grades only).
 */
import { ROLES, type Policy, type Role } from '../rules';
import { INPUT_KEYS, type AppraisalKey } from './columns';

export interface RoleInputs {
  /** Blank is an error (POLICY §0: a blank never counts as zero). */
  readonly required: readonly AppraisalKey[];
  /** Given but not read for this role: a warning. */
  readonly unused: readonly AppraisalKey[];
  /** The deposit and fourth arguments of CM.APPRAISAL_SCORE for this role (Art. 13). */
  readonly deposit?: AppraisalKey;
  readonly fourth?: AppraisalKey;
  /** False for AGENT: no Art. 13 score, no Art. 14 outcome. */
  readonly appraised: boolean;
  /** True for the roles with an Art. 25(2) cap. */
  readonly withholds: boolean;
}

// monthly_income is the person's income, kept for every role; it is never reported as unused.
const ALWAYS_KEPT: ReadonlySet<AppraisalKey> = new Set(['monthly_income']);

function inputsOf(role: Role, policy: Policy, reserveColumn: boolean): RoleInputs {
  const used = new Set<AppraisalKey>();
  const required: AppraisalKey[] = [];
  let deposit: AppraisalKey | undefined;
  let fourth: AppraisalKey | undefined;
  const appraised = role !== 'AGENT';
  if (role !== 'AGENT') {
    // Art. 13: the deposit item reads growth (a fraction) or new deposits (yuan, JUNIOR).
    deposit = policy.score.deposit[role].input === 'amount' ? 'new_deposits' : 'deposit_growth';
    // Art. 13: the fourth item reads fee-income growth (BRANCH_HEAD) or new basic accounts.
    fourth = policy.score.fourth[role].input === 'count' ? 'new_accounts' : 'fee_growth';
    required.push(deposit, 'npl_ratio', 'collection_rate', fourth);
    // Art. 14(3) applies to every role.
    used.add('violation_points').add('major_violation');
    // Art. 14(1) reads accident loss and prior demotions; Art. 14(2) months below base.
    if (role === 'BRANCH_HEAD') used.add('loss_amount').add('prior_demotions');
    else used.add('months_below_base');
  }
  // Art. 25(2): only roles with a cap withhold a risk reserve.
  const withholds = role in policy.reserve.caps;
  if (withholds) {
    used.add('reserve_balance');
    if (reserveColumn) required.push('monthly_income');
  }
  for (const k of required) used.add(k);
  const unused = INPUT_KEYS.filter((k) => !used.has(k) && !ALWAYS_KEPT.has(k));
  return { required, unused, deposit, fourth, appraised, withholds };
}

/** Inputs of every role, computed once per validation. */
export function roleInputTable(
  policy: Policy,
  reserveColumn: boolean,
): Readonly<Record<Role, RoleInputs>> {
  const table = {} as Record<Role, RoleInputs>;
  for (const role of ROLES) table[role] = inputsOf(role, policy, reserveColumn);
  return table;
}
