/**
 * The active policy as readable table rows: every number with its article and the policy's own
 * words, walked from the policy object itself, so the Policy view can never disagree with it.
 */
import {
  bandText,
  Decimal,
  LABELS,
  type Lang,
  type Num,
  type Op,
  type Policy,
  type Threshold,
} from '../rules';
import { opSymbol } from '../rules/compare';
import type { Strings } from './i18n';

export interface PolicyRow {
  readonly what: string;
  readonly value: string;
  readonly article: string;
  readonly source: string;
}

export interface PolicySection {
  readonly key: keyof Strings['policy']['sections'];
  readonly rows: readonly PolicyRow[];
}

type Unit = 'fraction' | 'money' | 'plain';

/** `0.995` → `0.995 (99.5%)`; `5000000` → `5,000,000`. Exact: decimal text, never a float. */
export function showNum(n: Num, unit: Unit): string {
  if (unit === 'fraction') return `${n} (${new Decimal(n).times(100).toString()}%)`;
  if (unit === 'money') {
    const [int, frac] = new Decimal(n).toFixed().split('.');
    const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    return frac ? `${grouped}.${frac}` : grouped;
  }
  return n;
}

function cmp(quantity: string, op: Op, value: Num, unit: Unit): string {
  return `${quantity} ${opSymbol(op)} ${showNum(value, unit)}`;
}

export function policySections(policy: Policy, t: Strings, lang: Lang): PolicySection[] {
  const P = t.policy;
  const q = P.quantities;
  const role = (code: string): string => LABELS[code]?.[lang] ?? code;
  const s = policy.score;

  const score: PolicyRow[] = [];
  for (const [r, item] of Object.entries(s.deposit)) {
    const unit: Unit = item.input === 'amount' ? 'money' : 'fraction';
    const step = item.stepOfTarget
      ? `${showNum(item.step, 'fraction')} × ${showNum(item.target, unit)}`
      : showNum(item.step, 'fraction');
    score.push({
      what: P.depositItem(role(r)),
      value: P.linear(
        item.base,
        showNum(item.target, unit),
        item.pointsPerStep,
        step,
        `${item.min}–${item.max}`,
      ),
      article: item.article,
      source: item.source,
    });
  }
  for (const band of s.npl.bands) {
    score.push({
      what: P.nplBand,
      value: P.bandPoints(bandText(band), band.value),
      article: band.article,
      source: band.source,
    });
  }
  const c = s.collection;
  score.push({
    what: P.collectionItem,
    value: P.linear(
      c.base,
      showNum(c.target, 'fraction'),
      c.pointsPerStep,
      showNum(c.step, 'fraction'),
      `${c.min}–${c.max}`,
    ),
    article: c.article,
    source: c.source,
  });
  for (const [r, item] of Object.entries(s.fourth)) {
    score.push({
      what: P.fourthItem(role(r)),
      value:
        item.kind === 'linear'
          ? P.linear(
              item.base,
              showNum(item.target, 'fraction'),
              item.pointsPerStep,
              showNum(item.step, 'fraction'),
              `${item.min}–${item.max}`,
            )
          : P.proportional(item.points, item.target),
      article: item.article,
      source: item.source,
    });
  }
  for (const [r, range] of Object.entries(s.totalRange)) {
    score.push({
      what: P.totalRange(role(r)),
      value: `${range.min}–${range.max}`,
      article: s.article,
      source: '',
    });
  }

  const o = policy.outcome;
  const T = P.thresholds;
  const th = (what: string, x: Threshold, quantity: string, unit: Unit): PolicyRow => ({
    what,
    value: cmp(quantity, x.op, x.value, unit),
    article: x.article,
    source: x.source,
  });
  const outcome: PolicyRow[] = [
    {
      what: T.majorViolation,
      value: 'TRUE',
      article: o.majorViolation.article,
      source: o.majorViolation.source,
    },
    th(T.violationPoints, o.violationPoints, q.points, 'plain'),
    th(T.accidentLoss, o.accidentLoss, q.loss, 'money'),
    th(T.managerTerminateScore, o.managerTerminateScore, q.score, 'plain'),
    th(T.branchHeadRepeat, o.branchHeadRepeat, q.demotions, 'plain'),
    th(T.branchHeadScore, o.branchHeadScore, q.score, 'plain'),
    th(T.branchHeadNpl, o.branchHeadNpl, q.npl, 'fraction'),
    th(T.branchHeadDepositCompletion, o.branchHeadDepositCompletion, q.completion, 'fraction'),
    th(
      T.branchHeadCollectionCompletion,
      o.branchHeadCollectionCompletion,
      q.completion,
      'fraction',
    ),
    th(T.managerScore, o.managerScore, q.score, 'plain'),
    th(T.managerCollectionRate, o.managerCollectionRate, q.rate, 'fraction'),
    th(T.managerMonthsBelowBase, o.managerMonthsBelowBase, q.months, 'plain'),
    th(T.belowBaseRatio, o.belowBaseRatio, q.ratio, 'fraction'),
    {
      what: T.demotion,
      value: Object.entries(o.demotion.next)
        .map(([from, to]) => `${role(from)} → ${role(to)}`)
        .join('; '),
      article: o.demotion.article,
      source: o.demotion.source,
    },
  ];

  const d = policy.collectionDuty;
  const collectionDuty = [
    th(T.overall, d.overall, q.rate, 'fraction'),
    th(T.newLoans, d.newLoans, q.rate, 'fraction'),
  ];

  const r = policy.reserve;
  const reserve: PolicyRow[] = [
    {
      what: P.reserveRate,
      value: showNum(r.rate, 'fraction'),
      article: r.article,
      source: r.source,
    },
    ...Object.entries(r.caps).map(([g, cap]) => ({
      what: P.reserveCap(role(g)),
      value: showNum(cap, 'money'),
      article: r.article,
      source: r.source,
    })),
    {
      what: P.refundAfter,
      value: P.monthsUnit(r.refund.afterMonths),
      article: r.refund.article,
      source: r.refund.source,
    },
  ];

  const a = policy.authority;
  const authority: PolicyRow[] = [
    ...a.limits.map((l) => ({
      what: P.authorityLimit(role(l.role)),
      value: cmp(q.amount, '<=', l.max, 'money'),
      article: a.article,
      source: l.source,
    })),
    { what: P.authorityAbove, value: role(a.above), article: a.article, source: a.source },
  ];

  const tier: PolicyRow[] = policy.tier.map((rule) => ({
    what: P.tierRule(role(rule.grade)) + (rule.gap ? ` (${P.tierGap})` : ''),
    value: rule.conditions
      .map((x) => cmp(x.field === 'deposits' ? q.deposits : q.loans, x.op, x.value, 'money'))
      .join(rule.match === 'any' ? P.any : P.all),
    article: rule.article,
    source: rule.source,
  }));

  const pr = policy.promotion;
  const promotion: PolicyRow[] = pr.windows.map((w) => ({
    what: P.promotionWindow,
    value: P.promotionCondition(w.maxMonths, showNum(w.minDeposits, 'money')),
    article: pr.article,
    source: w.source,
  }));

  const qu = policy.qualification;
  const qualification = [th(T.provisionalDeposits, qu.provisionalDeposits, q.deposits, 'money')];

  return [
    { key: 'score', rows: score },
    { key: 'outcome', rows: outcome },
    { key: 'collectionDuty', rows: collectionDuty },
    { key: 'reserve', rows: reserve },
    { key: 'authority', rows: authority },
    { key: 'tier', rows: tier },
    { key: 'promotion', rows: promotion },
    { key: 'qualification', rows: qualification },
  ];
}
