/**
 * What changed between two policies, in words a policy owner reads: one line per changed
 * number, band, option or wording, with its article and before → after
 * ("Art. 13 NPL band 0 < n ≤ 1%: 20 → 25 points"). Every leaf of the policy is compared, so a
 * change can never go unlisted; leaves without a dedicated wording fall back to their field path.
 */
import {
  articleText,
  Decimal,
  LABELS,
  type Band,
  type Lang,
  type Num,
  type Policy,
  type Text,
} from '../rules';
import { opSymbol } from '../rules/compare';

export interface PolicyChange {
  /** The field, e.g. `score.npl.bands[1].value`. */
  readonly path: string;
  readonly article: string;
  readonly what: Text;
  readonly before: Text;
  readonly after: Text;
}

type Unit = 'fraction' | 'money' | 'plain';

function money(n: Num): string {
  const [int, frac] = new Decimal(n).toFixed().split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac ? `${grouped}.${frac}` : grouped;
}

function shown(n: Num, unit: Unit, lang: Lang): string {
  if (unit === 'fraction') return `${new Decimal(n).times(100).toString()}%`;
  if (unit === 'money') return lang === 'zh' ? `${money(n)} 元` : `${money(n)} yuan`;
  return n;
}

const same = (s: string): Text => ({ en: s, zh: s });

/**
 * A band as it reads, e.g. `0 < n ≤ 1%`: where the band listed before it already holds its lower
 * end, that end belongs to the earlier band (hit policy FIRST), so it reads as excluded.
 */
function bandWords(bands: readonly Band<Num>[], i: number): string {
  const b = bands[i];
  const prev = i > 0 ? bands[i - 1] : undefined;
  const pct = (n: Num | null) => (n === null ? null : `${new Decimal(n).times(100).toString()}%`);
  const lo = pct(b.lo);
  const hi = pct(b.hi);
  if (lo !== null && hi !== null && lo === hi && b.loIncluded && b.hiIncluded) return `n = ${lo}`;
  const taken =
    prev !== undefined &&
    prev.hi !== null &&
    b.lo !== null &&
    prev.hiIncluded &&
    new Decimal(prev.hi).equals(b.lo);
  const loIn = b.loIncluded && !taken;
  const left = lo === null ? '' : `${lo === '0%' ? '0' : lo} ${loIn ? '≤' : '<'} `;
  const right = hi === null ? '' : ` ${b.hiIncluded ? '≤' : '<'} ${hi}`;
  return `${left}n${right}`;
}

function role(code: string, lang: Lang): string {
  return LABELS[code]?.[lang] ?? code;
}

const FIELDS: Readonly<Record<string, Text>> = {
  base: { en: 'points at target', zh: '达标得分' },
  target: { en: 'target', zh: '目标' },
  step: { en: 'step', zh: '步长' },
  pointsPerStep: { en: 'points per step', zh: '每步分值' },
  min: { en: 'lowest points', zh: '最低分' },
  max: { en: 'highest points', zh: '最高分' },
  points: { en: 'points', zh: '分值' },
  stepOfTarget: { en: 'step is a share of the target', zh: '步长按目标比例' },
  source: { en: 'wording', zh: '原文' },
  article: { en: 'article', zh: '条款' },
};

const THRESHOLDS: Readonly<Record<string, Text>> = {
  violationPoints: {
    en: 'behaviour deduction points → terminate',
    zh: '行为规范扣分 → 解除劳动合同',
  },
  accidentLoss: {
    en: 'accident loss (branch head) → terminate',
    zh: '事故损失（支行行长）→ 解除劳动合同',
  },
  managerTerminateScore: {
    en: 'score (customer managers) → terminate',
    zh: '考核得分（客户经理）→ 解除劳动合同',
  },
  branchHeadRepeat: {
    en: 'prior demotions (branch head) → terminate',
    zh: '此前降级次数（支行行长）→ 解除劳动合同',
  },
  branchHeadScore: { en: 'score (branch head) → demote', zh: '考核得分（支行行长）→ 降级' },
  branchHeadNpl: { en: 'NPL ratio (branch head) → demote', zh: '不良率（支行行长）→ 降级' },
  branchHeadDepositCompletion: {
    en: 'deposit completion (branch head) → demote',
    zh: '存款完成率（支行行长）→ 降级',
  },
  branchHeadCollectionCompletion: {
    en: 'collection completion (branch head) → demote',
    zh: '收贷收息完成率（支行行长）→ 降级',
  },
  managerScore: { en: 'score (customer managers) → demote', zh: '考核得分（客户经理）→ 降级' },
  managerCollectionRate: {
    en: 'collection rate (customer managers) → demote',
    zh: '收贷收息率（客户经理）→ 降级',
  },
  managerMonthsBelowBase: {
    en: 'months below base (customer managers) → demote',
    zh: '低于基数月数（客户经理）→ 降级',
  },
  belowBaseRatio: { en: 'a month is below base when deposits ÷ base', zh: '月存款低于基数的比例' },
  overall: { en: 'overall collection rate → off the post to collect', zh: '贷款收息率 → 下岗清收' },
  newLoans: {
    en: "this year's loans collection rate → off the post to collect",
    zh: '当年新发放贷款收息率 → 下岗清收',
  },
  provisionalDeposits: {
    en: 'failed exam, deposits → provisional junior',
    zh: '考试未通过的累计日均存款 → 暂聘初级',
  },
};

const FRACTION_THRESHOLDS = new Set([
  'branchHeadNpl',
  'branchHeadDepositCompletion',
  'branchHeadCollectionCompletion',
  'managerCollectionRate',
  'belowBaseRatio',
  'overall',
  'newLoans',
]);
const MONEY_THRESHOLDS = new Set(['accidentLoss', 'provisionalDeposits']);

type Json = unknown;

function at(x: Json, key: string | number): Json {
  return x !== null && typeof x === 'object'
    ? (x as Record<string | number, Json>)[key]
    : undefined;
}

function leafText(v: Json): string {
  return v === undefined ? '—' : typeof v === 'string' ? v : JSON.stringify(v);
}

/** Every changed leaf under `a`/`b`, as paths. */
function changedLeaves(a: Json, b: Json, path: (string | number)[] = []): (string | number)[][] {
  const objA = a !== null && typeof a === 'object';
  const objB = b !== null && typeof b === 'object';
  if (!objA || !objB || Array.isArray(a) !== Array.isArray(b)) {
    return JSON.stringify(a) === JSON.stringify(b) ? [] : [path];
  }
  const keys = new Set([...Object.keys(a as object), ...Object.keys(b as object)]);
  const out: (string | number)[][] = [];
  for (const k of keys) {
    const key = Array.isArray(a) ? Number(k) : k;
    out.push(...changedLeaves(at(a, key), at(b, key), [...path, key]));
  }
  return out;
}

function pathText(path: readonly (string | number)[]): string {
  return path.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? k : `.${k}`)).join('');
}

/** The nearest `article` on the way down `path` in `policy`. */
function articleAt(policy: Json, path: readonly (string | number)[]): string {
  let node = policy;
  let article = '';
  for (const k of path) {
    const a = at(node, 'article');
    if (typeof a === 'string') article = a;
    node = at(node, k);
    if (node === undefined) break;
  }
  const own = at(node, 'article');
  return typeof own === 'string' ? own : article;
}

function change(
  path: string,
  article: string,
  what: Text,
  before: Text,
  after: Text,
): PolicyChange {
  return { path, article, what, before, after };
}

function both(f: (lang: Lang) => string): Text {
  return { en: f('en'), zh: f('zh') };
}

function itemName(section: string, roleCode: string | undefined): Text {
  const r = (lang: Lang) => (roleCode ? role(roleCode, lang) : '');
  switch (section) {
    case 'deposit':
      return both((l) => (l === 'zh' ? `存款项（${r(l)}）` : `deposit item (${r(l)})`));
    case 'collection':
      return { en: 'collection item', zh: '收贷收息项' };
    case 'fourth':
      return both((l) => (l === 'zh' ? `第四项（${r(l)}）` : `fourth item (${r(l)})`));
    default:
      return same(section);
  }
}

function unitOfItemField(policy: Policy, path: readonly (string | number)[], field: string): Unit {
  const item = at(at(at(policy, 'score'), path[1]), path[2]) as { input?: string } | undefined;
  const input = path[1] === 'collection' ? 'rate' : item?.input;
  if (field === 'target' || field === 'step') {
    if (input === 'amount' && field === 'target') return 'money';
    if (input === 'count') return 'plain';
    return 'fraction';
  }
  return 'plain';
}

/** All changes from `a` to `b`, in the policy's order. */
export function policyDiff(a: Policy, b: Policy): PolicyChange[] {
  const out: PolicyChange[] = [];
  const bandsDone = new Set<string>();
  const thresholdsDone = new Set<string>();
  for (const path of changedLeaves(a, b)) {
    const p = pathText(path);
    const article = articleAt(b, path) || articleAt(a, path);
    const va = path.reduce<Json>(at, a);
    const vb = path.reduce<Json>(at, b);
    const [top, k1, k2, k3] = path;
    const plain = () => change(p, article, same(p), same(leafText(va)), same(leafText(vb)));

    if (top === 'version' || top === 'id') {
      out.push(
        change(
          p,
          '',
          top === 'version' ? { en: 'Policy version', zh: '办法版本' } : same('id'),
          same(leafText(va)),
          same(leafText(vb)),
        ),
      );
    } else if (top === 'options') {
      out.push(
        change(
          p,
          '',
          { en: `Reading option ${String(k1)}`, zh: `解释选项 ${String(k1)}` },
          same(leafText(va)),
          same(leafText(vb)),
        ),
      );
    } else if (top === 'score' && k1 === 'npl' && k2 === 'bands') {
      if (bandsDone.has('all')) continue;
      const ba = a.score.npl.bands;
      const bb = b.score.npl.bands;
      if (ba.length !== bb.length) {
        bandsDone.add('all');
        const list = (bands: readonly Band<Num>[], lang: Lang) =>
          bands
            .map((x, j) => `${bandWords(bands, j)}: ${x.value}${lang === 'zh' ? ' 分' : ''}`)
            .join('; ');
        out.push(
          change(
            'score.npl.bands',
            article,
            { en: 'NPL bands', zh: '不良率分档' },
            both((l) => list(ba, l)),
            both((l) => list(bb, l)),
          ),
        );
        continue;
      }
      const i = k3 as number;
      const field = path[4] as string;
      const x = ba[i];
      const y = bb[i];
      const name = (l: Lang) =>
        l === 'zh' ? `不良率分档 ${bandWords(ba, i)}` : `NPL band ${bandWords(ba, i)}`;
      if (field === 'value') {
        out.push(
          change(
            p,
            article,
            both(name),
            both((l) => `${x.value}${l === 'zh' ? ' 分' : ''}`),
            both((l) => `${y.value} ${l === 'zh' ? '分' : 'points'}`),
          ),
        );
      } else if (field === 'source' || field === 'article') {
        out.push(
          change(
            p,
            article,
            both((l) => `${name(l)}${l === 'zh' ? '，' : ', '}${FIELDS[field][l]}`),
            same(leafText(va)),
            same(leafText(vb)),
          ),
        );
      } else if (!bandsDone.has(String(i))) {
        bandsDone.add(String(i));
        out.push(
          change(
            `score.npl.bands[${i}]`,
            article,
            both((l) => `${name(l)}${l === 'zh' ? '，区间' : ', range'}`),
            same(bandWords(ba, i)),
            same(bandWords(bb, i)),
          ),
        );
      }
    } else if (top === 'score' && (k1 === 'deposit' || k1 === 'collection' || k1 === 'fourth')) {
      const roleCode = k1 === 'collection' ? undefined : (k2 as string);
      const field = String(k1 === 'collection' ? k2 : k3);
      const unit = unitOfItemField(b, path, field);
      const item = itemName(String(k1), roleCode);
      const fieldName = FIELDS[field] ?? same(field);
      const num = (v: Json, l: Lang) =>
        typeof v === 'string' && /^\d/.test(v) && field !== 'source' && field !== 'article'
          ? shown(v, unit, l)
          : leafText(v);
      out.push(
        change(
          p,
          article,
          both((l) => `${item[l]}, ${fieldName[l]}`),
          both((l) => num(va, l)),
          both((l) => num(vb, l)),
        ),
      );
    } else if (top === 'score' && k1 === 'totalRange') {
      out.push(
        change(
          p,
          article,
          both((l) =>
            l === 'zh'
              ? `总分范围（${role(String(k2), l)}）${k3 === 'min' ? '下限' : '上限'}`
              : `total score range (${role(String(k2), l)}), ${String(k3)}`,
          ),
          same(leafText(va)),
          same(leafText(vb)),
        ),
      );
    } else if (
      (top === 'outcome' ||
        top === 'collectionDuty' ||
        (top === 'qualification' && k1 === 'provisionalDeposits')) &&
      typeof k1 === 'string' &&
      k1 in THRESHOLDS
    ) {
      const key = `${String(top)}.${k1}`;
      if (k2 === 'op' || k2 === 'value') {
        if (thresholdsDone.has(key)) continue;
        thresholdsDone.add(key);
        const unit: Unit = FRACTION_THRESHOLDS.has(k1)
          ? 'fraction'
          : MONEY_THRESHOLDS.has(k1)
            ? 'money'
            : 'plain';
        const ta = at(at(a, top), k1) as { op: '<'; value: Num };
        const tb = at(at(b, top), k1) as { op: '<'; value: Num };
        const cond = (t: { op: '<'; value: Num }, l: Lang) =>
          `${opSymbol(t.op)} ${shown(t.value, unit, l)}`;
        out.push(
          change(
            `${String(top)}.${k1}`,
            article,
            THRESHOLDS[k1],
            both((l) => cond(ta, l)),
            both((l) => cond(tb, l)),
          ),
        );
      } else {
        const f = FIELDS[String(k2)] ?? same(String(k2));
        out.push(
          change(
            p,
            article,
            both((l) => `${THRESHOLDS[k1][l]}, ${f[l]}`),
            same(leafText(va)),
            same(leafText(vb)),
          ),
        );
      }
    } else if (top === 'reserve' && k1 === 'caps') {
      out.push(
        change(
          p,
          article,
          both((l) =>
            l === 'zh'
              ? `风险金上限（${role(String(k2), l)}）`
              : `risk reserve cap (${role(String(k2), l)})`,
          ),
          both((l) => shown(String(va), 'money', l)),
          both((l) => shown(String(vb), 'money', l)),
        ),
      );
    } else if (top === 'reserve' && k1 === 'rate') {
      out.push(
        change(
          p,
          article,
          { en: 'share of monthly income withheld', zh: '每月提取比例' },
          same(shown(String(va), 'fraction', 'en')),
          same(shown(String(vb), 'fraction', 'en')),
        ),
      );
    } else if (top === 'authority' && k1 === 'limits' && path[3] === 'max') {
      const r = a.authority.limits[k2 as number]?.role ?? '';
      out.push(
        change(
          p,
          article,
          both((l) =>
            l === 'zh' ? `单笔贷款权限（${role(r, l)}）` : `single-loan limit (${role(r, l)})`,
          ),
          both((l) => `≤ ${shown(String(va), 'money', l)}`),
          both((l) => `≤ ${shown(String(vb), 'money', l)}`),
        ),
      );
    } else if (top === 'score' && k1 === 'npl' && k2 === 'source') {
      out.push(
        change(
          p,
          article,
          { en: 'NPL item, wording', zh: '不良率项，原文' },
          same(leafText(va)),
          same(leafText(vb)),
        ),
      );
    } else {
      out.push(plain());
    }
  }
  return out;
}

/** `Art. 13 NPL band 0 < n ≤ 1%: 20 → 25 points` */
export function changeLine(c: PolicyChange, lang: Lang): string {
  const art = c.article ? `${articleText(c.article, lang)} ` : '';
  const sep = lang === 'zh' ? '：' : ': ';
  return `${art}${c.what[lang]}${sep}${c.before[lang]} → ${c.after[lang]}`;
}
