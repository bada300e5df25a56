/**
 * The policy as data: its content hash, shape validation with readable messages, and the two
 * options of POLICY §1 (whole_steps, all_or_nothing).
 */
import {
  checkPolicy,
  DEFAULT_POLICY,
  loadPolicyJson,
  policyHash,
  policyVersionText,
  riskReserve,
  type Policy,
} from '../../src/rules';
import { clonePolicy, items, score, valueOf } from './helpers';

type Path = (string | number)[];

/** Every number of the policy: decimal-text leaves (Num) and plain numbers (places). */
function numberLeaves(x: unknown, path: Path = []): Path[] {
  if (typeof x === 'number') return [path];
  if (typeof x === 'string') return /^-?\d+(\.\d+)?$/.test(x) ? [path] : [];
  if (x === null || typeof x !== 'object') return [];
  return Object.entries(x).flatMap(([k, v]) =>
    numberLeaves(v, [...path, Array.isArray(x) ? Number(k) : k]),
  );
}

/** Returned by a change to remove the key altogether. */
const REMOVE = Symbol('remove');

function withLeaf(policy: Policy, path: Path, change: (v: unknown) => unknown): Policy {
  const copy = clonePolicy(policy) as unknown as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1];
  const value = change(node[last]);
  if (value === REMOVE) delete node[last];
  else node[last] = value;
  return copy as unknown as Policy;
}

function bump(v: unknown): unknown {
  if (typeof v === 'number') return v + 1;
  const [whole, frac] = String(v).split('.');
  // Change the last digit so the number stays a valid decimal text of the same length.
  const digits = frac ?? whole;
  const lastDigit = Number(digits[digits.length - 1]);
  const changed = digits.slice(0, -1) + String((lastDigit + 1) % 10);
  return frac === undefined ? changed : `${whole}.${changed}`;
}

describe('policy hash', () => {
  const base = policyHash(DEFAULT_POLICY);

  it('is a SHA-256 hex digest, stable for the same object and for a deep clone', () => {
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    expect(policyHash(DEFAULT_POLICY)).toBe(base);
    expect(policyHash(clonePolicy(DEFAULT_POLICY))).toBe(base);
    expect(policyHash(structuredClone(DEFAULT_POLICY))).toBe(base);
  });

  it('does not depend on the order of keys', () => {
    const reordered = Object.fromEntries(Object.entries(clonePolicy(DEFAULT_POLICY)).reverse());
    expect(policyHash(reordered as unknown as Policy)).toBe(base);
  });

  it('changes when ANY number of the policy changes, and differently for each', () => {
    const leaves = numberLeaves(DEFAULT_POLICY);
    expect(leaves.length).toBeGreaterThan(60);
    const hashes = new Set([base]);
    for (const path of leaves) {
      const changed = withLeaf(DEFAULT_POLICY, path, bump);
      const h = policyHash(changed);
      if (h === base) throw new Error(`changing ${path.join('.')} left the hash unchanged`);
      hashes.add(h);
    }
    expect(hashes.size).toBe(leaves.length + 1);
  });

  it('changes with an option, an inclusivity flag or an operator', () => {
    const flips: Path[] = [
      ['options', 'whole_steps'],
      ['options', 'all_or_nothing'],
      ['score', 'npl', 'bands', 1, 'hiIncluded'],
    ];
    for (const path of flips) {
      expect(policyHash(withLeaf(DEFAULT_POLICY, path, (v) => !v))).not.toBe(base);
    }
    const op = withLeaf(DEFAULT_POLICY, ['outcome', 'managerScore', 'op'], () => '<');
    expect(policyHash(op)).not.toBe(base);
  });

  it('is carried by the version text', () => {
    expect(policyVersionText(DEFAULT_POLICY)).toBe(
      `商业银行客户经理考核管理办法 1.0.0 sha256:${base}`,
    );
  });
});

describe('checkPolicy', () => {
  it('accepts the default policy, its JSON round trip, and every bumped number', () => {
    expect(checkPolicy(DEFAULT_POLICY).ok).toBe(true);
    const loaded = loadPolicyJson(JSON.stringify(DEFAULT_POLICY));
    expect(loaded.ok).toBe(true);
    if (loaded.ok) expect(policyHash(loaded.policy)).toBe(policyHash(DEFAULT_POLICY));
    for (const path of numberLeaves(DEFAULT_POLICY).filter((p) => !p.includes('npl'))) {
      expect(checkPolicy(withLeaf(DEFAULT_POLICY, path, bump)).ok).toBe(true);
    }
  });

  const errorsOf = (candidate: unknown): readonly string[] => {
    const r = checkPolicy(candidate);
    expect(r.ok).toBe(false);
    return r.ok ? [] : r.errors;
  };

  it.each<[string, Path, (v: unknown) => unknown, string]>([
    [
      'a missing number',
      ['score', 'collection', 'base'],
      () => REMOVE,
      'policy.score.collection.base: missing',
    ],
    [
      'a number given as a JS number',
      ['reserve', 'rate'],
      () => 0.2,
      'policy.reserve.rate: expected string, got 0.2 (number)',
    ],
    [
      'a number with a thousands separator',
      ['reserve', 'caps', 'JUNIOR'],
      () => '5,000',
      'policy.reserve.caps.JUNIOR: expected a decimal number as text such as "0.995", got "5,000"',
    ],
    [
      'a percent sign',
      ['collectionDuty', 'overall', 'value'],
      () => '99.5%',
      'policy.collectionDuty.overall.value: expected a decimal number',
    ],
    [
      'an unknown operator',
      ['outcome', 'managerScore', 'op'],
      () => '=<',
      'policy.outcome.managerScore.op: expected one of <, <=, >, >=, got "=<"',
    ],
    [
      'an unknown role',
      ['authority', 'above'],
      () => 'CEO',
      'policy.authority.above: expected a role',
    ],
    ['an empty list', ['tier'], () => [], 'policy.tier: expected a non-empty list, got a list'],
    [
      'a boolean option given as text',
      ['options', 'whole_steps'],
      () => 'yes',
      'policy.options.whole_steps: expected boolean, got "yes"',
    ],
    [
      'decimal places out of range',
      ['score', 'totalPlaces'],
      () => 11,
      'policy.score.totalPlaces: expected a whole number of decimal places 0–10, got 11 (number)',
    ],
    [
      'an object replaced by text',
      ['score', 'npl'],
      () => 'bands',
      'policy.score.npl: expected an object, got "bands"',
    ],
    [
      'an unknown item kind',
      ['score', 'fourth', 'SENIOR', 'kind'],
      () => 'curve',
      'policy.score.fourth.SENIOR.kind: expected one of linear, proportional, bands',
    ],
    [
      'a band field',
      ['tier', 0, 'conditions', 1, 'field'],
      () => 'income',
      'policy.tier[0].conditions[1].field: expected one of deposits, loans',
    ],
  ])('rejects %s, naming the path', (_what, path, change, message) => {
    const errors = errorsOf(withLeaf(DEFAULT_POLICY, path, change));
    expect(errors.some((e) => e.startsWith(message))).toBe(true);
  });

  it('rejects unknown keys', () => {
    const p = clonePolicy(DEFAULT_POLICY) as unknown as { options: Record<string, unknown> };
    p.options.roundUp = true;
    expect(errorsOf(p)).toEqual(['policy.options.roundUp: unknown key']);
  });

  it('rejects an NPL band that ends below its start', () => {
    const p = withLeaf(DEFAULT_POLICY, ['score', 'npl', 'bands', 2, 'lo'], () => '0.06');
    expect(errorsOf(p)).toEqual(['policy.score.npl.bands: band 0.06..0.05 ends below its start']);
  });

  it('rejects what is not a policy at all, and JSON that does not parse', () => {
    expect(errorsOf(null)).toEqual(['policy: expected an object, got null']);
    expect(errorsOf([])).toEqual(['policy: expected an object, got a list']);
    expect(errorsOf({}).length).toBeGreaterThan(5);
    const bad = loadPolicyJson('{"id": ');
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.errors[0]).toMatch(/^policy: not valid JSON/);
  });
});

describe('a loaded policy drives the rules', () => {
  it('a different cap changes the risk reserve', () => {
    const p = withLeaf(DEFAULT_POLICY, ['reserve', 'caps', 'JUNIOR'], () => '6000');
    expect(valueOf(riskReserve('JUNIOR', 8000, 4000, p)).toNumber()).toBe(1600);
    expect(valueOf(riskReserve('JUNIOR', 8000, 4000)).toNumber()).toBe(1000);
  });

  it('a different collection target moves the score on both paths', () => {
    const p = withLeaf(DEFAULT_POLICY, ['score', 'collection', 'target'], () => '0.99');
    // 99.5% is now 0.5% above target: 20 + 10 = 30 collection points instead of 20
    expect(valueOf(score('SENIOR', 0.3, 0, 0.995, 10, p))).toBe(110);
    expect(items('SENIOR', 0.3, 0, 0.995, 10, p).collection).toBe(30);
    expect(valueOf(score('SENIOR', 0.3, 0, 0.995, 10))).toBe(100);
  });
});

describe('options of POLICY §1', () => {
  const wholeSteps = withLeaf(DEFAULT_POLICY, ['options', 'whole_steps'], () => true);
  const allOrNothing = withLeaf(DEFAULT_POLICY, ['options', 'all_or_nothing'], () => true);

  it.each<[string, number, number, number]>([
    // growth, pro-rata, whole steps (truncated toward the target)
    ['2.5 points above target', 0.325, 45, 44],
    ['2.5 points below target', 0.275, 35, 36],
    ['0.9 of a point above', 0.309, 41.8, 40],
    ['a whole number of points', 0.33, 46, 46],
  ])('deposit growth %s: pro rata vs whole_steps', (_what, growth, proRata, whole) => {
    expect(items('SENIOR', growth, 0, 0.995, 10).deposit).toBe(proRata);
    expect(items('SENIOR', growth, 0, 0.995, 10, wholeSteps).deposit).toBe(whole);
    expect(valueOf(score('SENIOR', growth, 0, 0.995, 10, wholeSteps))).toBe(whole + 60);
  });

  it('whole_steps applies to the JUNIOR amount, the collection rate and fee income', () => {
    expect(items('JUNIOR', 1025000, 0, 0.995, 5).deposit).toBe(45);
    expect(items('JUNIOR', 1025000, 0, 0.995, 5, wholeSteps).deposit).toBe(44);
    expect(items('SENIOR', 0.3, 0, 0.9955, 10).collection).toBe(21);
    expect(items('SENIOR', 0.3, 0, 0.9955, 10, wholeSteps).collection).toBe(20);
    expect(items('SENIOR', 0.3, 0, 0.9945, 10, wholeSteps).collection).toBe(20);
    expect(items('BRANCH_HEAD', 0.3, 0, 0.995, 0.25).fourth).toBe(12.5);
    expect(items('BRANCH_HEAD', 0.3, 0, 0.995, 0.25, wholeSteps).fourth).toBe(12);
  });

  it('whole_steps keeps the clamps', () => {
    expect(items('SENIOR', 0.55, 0, 1, 10, wholeSteps)).toMatchObject({
      deposit: 60,
      collection: 30,
    });
    expect(items('SENIOR', 0.05, 0, 0.9, 10, wholeSteps)).toMatchObject({
      deposit: 0,
      collection: 0,
    });
  });

  it.each<[string, number, number, number]>([
    ['MID', 6, 60 / 7, 0],
    ['MID', 7, 10, 10],
    ['MID', 8, 10, 10],
    ['SENIOR', 9, 9, 0],
    ['JUNIOR', 5, 10, 10],
    ['JUNIOR', 0, 0, 0],
  ])('%s with %p accounts: proportional %p, all_or_nothing %p', (role, n, proRata, allOr) => {
    const deposit = role === 'JUNIOR' ? 1000000 : 0.3;
    expect(items(role, deposit, 0, 0.995, n).fourth).toBe(proRata);
    expect(items(role, deposit, 0, 0.995, n, allOrNothing).fourth).toBe(allOr);
    expect(valueOf(score(role, deposit, 0, 0.995, n, allOrNothing))).toBe(90 + allOr);
  });

  it('all_or_nothing does not touch the branch head’s fee-income item', () => {
    expect(items('BRANCH_HEAD', 0.3, 0, 0.995, 0.21, allOrNothing).fourth).toBe(10.5);
  });
});
