/**
 * The policy as data: its content hash and the two options of POLICY §1 (whole_steps,
 * all_or_nothing). Loading and checking a policy file: test/policy/load.test.ts.
 */
import {
  DEFAULT_POLICY,
  policyHash,
  policyVersionText,
  riskReserve,
  type Policy,
} from '../../src/rules';
import { bump, numberLeaves, withLeaf, type Path } from '../policy/edit';
import { clonePolicy, items, score, valueOf } from './helpers';

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
