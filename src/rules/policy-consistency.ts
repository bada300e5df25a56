/**
 * The policy's own consistency, checked on a policy whose shape the schema has already accepted:
 * what JSON Schema cannot say (one number against another). Each problem names the field and
 * the reason in Chinese and English; the loader refuses a policy with any problem.
 */
import { Decimal } from './decimal';
import type { Band, LinearItem, Num, Policy, ProportionalItem, ScoredRole } from './policy-types';
import type { Text } from './result';

export interface PolicyProblem {
  /** The field, e.g. `score.npl.bands[2].lo` (empty for the file as a whole). */
  readonly path: string;
  readonly reason: Text;
}

const d = (n: Num): Decimal => new Decimal(n);
const SCORED: readonly ScoredRole[] = ['BRANCH_HEAD', 'SENIOR', 'MID', 'JUNIOR'];

function linear(item: LinearItem, path: string, out: PolicyProblem[]): void {
  if (d(item.min).greaterThan(d(item.max))) {
    out.push({
      path: `${path}.min`,
      reason: {
        en: `the lowest points ${item.min} are above the highest ${item.max}`,
        zh: `最低分 ${item.min} 高于最高分 ${item.max}`,
      },
    });
  } else if (d(item.base).lessThan(d(item.min)) || d(item.base).greaterThan(d(item.max))) {
    out.push({
      path: `${path}.base`,
      reason: {
        en: `the points at target (${item.base}) lie outside ${item.min}–${item.max}`,
        zh: `达标得分 ${item.base} 不在 ${item.min}–${item.max} 之内`,
      },
    });
  }
  if (d(item.step).isZero()) {
    out.push({
      path: `${path}.step`,
      reason: {
        en: 'a step of 0 cannot be counted (the deviation is divided by it)',
        zh: '步长不能为 0（偏差要除以步长）',
      },
    });
  }
  if (item.stepOfTarget && d(item.target).isZero()) {
    out.push({
      path: `${path}.target`,
      reason: {
        en: 'the step is a fraction of the target, so the target cannot be 0',
        zh: '步长按目标的比例计算，目标不能为 0',
      },
    });
  }
  if (item.input === 'rate' && d(item.target).greaterThan(1)) {
    out.push({
      path: `${path}.target`,
      reason: {
        en: `a rate is a fraction of 1 (99.5% is 0.995); got ${item.target}`,
        zh: `比率应为小数（99.5% 写作 0.995），实为 ${item.target}`,
      },
    });
  }
}

function proportional(item: ProportionalItem, path: string, out: PolicyProblem[]): void {
  if (d(item.target).isZero()) {
    out.push({
      path: `${path}.target`,
      reason: {
        en: 'the target count cannot be 0 (points are proportional to it)',
        zh: '目标户数不能为 0（得分按其比例计算）',
      },
    });
  }
}

function showBand(b: Band<Num>): string {
  return `${b.loIncluded ? '[' : '('}${b.lo ?? '-∞'}..${b.hi ?? '∞'}${b.hiIncluded ? ']' : ')'}`;
}

/**
 * NPL bands (Art. 13): in the article's order, lowest first, together covering every ratio from
 * 0 to 1 with no gap. Two neighbours may share one end point, and there the first listed wins
 * (POLICY §0, DMN hit policy FIRST: at exactly 1% the band 1%以下 gives 20); any wider overlap
 * would make a later band partly unreachable, so it is refused.
 */
function bands(list: readonly Band<Num>[], path: string, out: PolicyProblem[]): void {
  const at = (i: number, field: string) => `${path}[${i}].${field}`;
  list.forEach((b, i) => {
    if (b.lo === null || b.hi === null) {
      out.push({
        path: at(i, b.lo === null ? 'lo' : 'hi'),
        reason: {
          en: 'an NPL ratio lies between 0 and 1: give both ends',
          zh: '不良率在 0 与 1 之间：两端都须给出',
        },
      });
      return;
    }
    const lo = d(b.lo);
    const hi = d(b.hi);
    if (hi.greaterThan(1)) {
      out.push({
        path: at(i, 'hi'),
        reason: {
          en: `an NPL ratio is a fraction of 1 (5% is 0.05); got ${b.hi}`,
          zh: `不良率应为小数（5% 写作 0.05），实为 ${b.hi}`,
        },
      });
    }
    if (lo.greaterThan(hi) || (lo.equals(hi) && !(b.loIncluded && b.hiIncluded))) {
      out.push({
        path: at(i, 'lo'),
        reason: {
          en: `band ${showBand(b)} is empty: it ends below its start`,
          zh: `区间 ${showBand(b)} 为空：终点低于起点`,
        },
      });
    }
  });
  if (out.length > 0) return;
  const first = list[0];
  if (!(d(first.lo as Num).isZero() && first.loIncluded)) {
    out.push({
      path: at(0, 'lo'),
      reason: {
        en: `the first band must start at 0 inclusive (an NPL ratio of 0 must score); got ${showBand(first)}`,
        zh: `第一个区间须从 0（含）开始（不良率为 0 也要得分），实为 ${showBand(first)}`,
      },
    });
  }
  const last = list[list.length - 1];
  if (!(d(last.hi as Num).equals(1) && last.hiIncluded)) {
    out.push({
      path: at(list.length - 1, 'hi'),
      reason: {
        en: `the last band must end at 1 inclusive (100%); got ${showBand(last)}`,
        zh: `最后一个区间须到 1（含，即 100%）为止，实为 ${showBand(last)}`,
      },
    });
  }
  for (let i = 1; i < list.length; i++) {
    const prev = list[i - 1];
    const b = list[i];
    const prevHi = d(prev.hi as Num);
    const lo = d(b.lo as Num);
    if (lo.lessThan(prevHi)) {
      out.push({
        path: at(i, 'lo'),
        reason: {
          en: `band ${showBand(b)} overlaps band ${showBand(prev)} listed before it by more than one point; list the bands lowest first, sharing at most an end`,
          zh: `区间 ${showBand(b)} 与前一区间 ${showBand(prev)} 重叠超过一个点；请按从低到高排列，相邻区间最多共用一个端点`,
        },
      });
    } else if (lo.greaterThan(prevHi) || (!prev.hiIncluded && !b.loIncluded)) {
      out.push({
        path: at(i, 'lo'),
        reason: {
          en: `no band covers the ratios between ${showBand(prev)} and ${showBand(b)}`,
          zh: `${showBand(prev)} 与 ${showBand(b)} 之间的不良率没有区间覆盖`,
        },
      });
    }
  }
}

function ascending(
  values: readonly Num[],
  path: (i: number) => string,
  what: Text,
  out: PolicyProblem[],
): void {
  for (let i = 1; i < values.length; i++) {
    if (!d(values[i]).greaterThan(d(values[i - 1]))) {
      out.push({
        path: path(i),
        reason: {
          en: `${what.en} must rise from one entry to the next: ${values[i - 1]} then ${values[i]}`,
          zh: `${what.zh}须逐项递增：${values[i - 1]} 之后为 ${values[i]}`,
        },
      });
    }
  }
}

/** Every consistency problem of a shape-checked policy; empty when it is consistent. */
export function policyConsistency(policy: Policy): PolicyProblem[] {
  const out: PolicyProblem[] = [];
  const s = policy.score;
  for (const role of SCORED) linear(s.deposit[role], `score.deposit.${role}`, out);
  linear(s.collection, 'score.collection', out);
  for (const role of SCORED) {
    const item = s.fourth[role];
    if (item.kind === 'linear') linear(item, `score.fourth.${role}`, out);
    else proportional(item, `score.fourth.${role}`, out);
  }
  const bandProblems: PolicyProblem[] = [];
  bands(s.npl.bands, 'score.npl.bands', bandProblems);
  out.push(...bandProblems);

  // The total's range holds every total the items can add up to.
  const npl = s.npl.bands.map((b) => d(b.value));
  for (const role of SCORED) {
    const fourth = s.fourth[role];
    const items = [s.deposit[role], s.collection];
    const max = items
      .reduce((sum, x) => sum.plus(d(x.max)), Decimal.max(...npl))
      .plus(fourth.kind === 'linear' ? d(fourth.max) : d(fourth.points));
    const min = items
      .reduce((sum, x) => sum.plus(d(x.min)), Decimal.min(...npl))
      .plus(fourth.kind === 'linear' ? d(fourth.min) : 0);
    const range = s.totalRange[role];
    if (d(range.min).greaterThan(min) || d(range.max).lessThan(max)) {
      out.push({
        path: `score.totalRange.${role}`,
        reason: {
          en: `the items add up to ${min}–${max} points, outside the total's range ${range.min}–${range.max}`,
          zh: `各项合计可得 ${min}–${max} 分，超出总分范围 ${range.min}–${range.max}`,
        },
      });
    }
  }

  const r = policy.reserve;
  if (d(r.rate).greaterThan(1)) {
    out.push({
      path: 'reserve.rate',
      reason: {
        en: `the share of income withheld is a fraction of 1 (20% is 0.2); got ${r.rate}`,
        zh: `提取比例应为小数（20% 写作 0.2），实为 ${r.rate}`,
      },
    });
  }
  const limits = policy.authority.limits;
  ascending(
    limits.map((l) => l.max),
    (i) => `authority.limits[${i}].max`,
    { en: 'Loan limits (lowest grade first)', zh: '贷款权限（从低级别开始）' },
    out,
  );
  const roles = new Set<string>();
  limits.forEach((l, i) => {
    if (roles.has(l.role)) {
      out.push({
        path: `authority.limits[${i}].role`,
        reason: { en: `${l.role} has two limits`, zh: `${l.role} 有两个权限额度` },
      });
    }
    roles.add(l.role);
  });
  ascending(
    policy.promotion.windows.map((w) => w.maxMonths),
    (i) => `promotion.windows[${i}].maxMonths`,
    { en: 'Promotion windows (shortest first)', zh: '晋升期限（从短到长）' },
    out,
  );
  return out;
}
