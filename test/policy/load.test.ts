/**
 * Loading a policy file: the schema (ajv, policy.schema.json) and the policy's own consistency.
 * A bad file is refused with the field and the reason, in Chinese and English.
 */
import Ajv from 'ajv';
import { readFileSync } from 'fs';
import { join } from 'path';
import {
  checkPolicy,
  loadPolicyJson,
  problemLine,
  type PolicyProblem,
} from '../../src/policy/load';
import { DEFAULT_POLICY, policyHash, type Policy } from '../../src/rules';
import schema from '../../src/rules/policy.schema.json';
import { bump, numberLeaves, REMOVE, withLeaf, type Path } from './edit';
import { clonePolicy } from '../rules/helpers';

const POLICY_FILE = join(__dirname, '../../src/rules/policy.json');

function problemsOf(candidate: unknown): readonly PolicyProblem[] {
  const r = checkPolicy(candidate);
  expect(r.ok).toBe(false);
  return r.ok ? [] : r.problems;
}

/** The one problem of `candidate`, asserted to name `path`, with both languages' reasons. */
function theProblem(candidate: unknown, path: string): PolicyProblem {
  const problems = problemsOf(candidate);
  expect(problems.map((p) => p.path)).toEqual([path]);
  expect(problems[0].reason.zh).toMatch(/[\u4e00-\u9fff]/);
  expect(problems[0].reason.en).toMatch(/[a-z]/);
  return problems[0];
}

describe('the built-in policy file', () => {
  it('is valid against its schema, consistent, and is the policy the rules use', () => {
    const text = readFileSync(POLICY_FILE, 'utf8');
    const loaded = loadPolicyJson(text);
    expect(loaded.ok).toBe(true);
    if (loaded.ok) {
      expect(loaded.policy).toEqual(DEFAULT_POLICY);
      expect(policyHash(loaded.policy)).toBe(policyHash(DEFAULT_POLICY));
    }
    // It points editors at the schema; the key is not part of the policy (nor of its hash).
    expect(JSON.parse(text).$schema).toBe('./policy.schema.json');
    expect(DEFAULT_POLICY).not.toHaveProperty('$schema');
  });

  it('has a schema that is itself valid JSON Schema (draft-07, as editors read it)', () => {
    const ajv = new Ajv({ strict: true, discriminator: true });
    expect(ajv.validateSchema(schema)).toBe(true);
    expect(() => ajv.compile(schema)).not.toThrow();
  });

  it('accepts the JSON round trip and every number changed by one digit outside the bands', () => {
    for (const path of numberLeaves(DEFAULT_POLICY).filter(
      (p) => !p.includes('npl') && !p.includes('totalPlaces') && !p.includes('moneyPlaces'),
    )) {
      const r = checkPolicy(JSON.parse(JSON.stringify(withLeaf(DEFAULT_POLICY, path, bump))));
      if (!r.ok) {
        // Bumping a number may break consistency (a maximum below the total range): then it
        // is refused for that reason, never for its shape.
        for (const p of r.problems) expect(p.reason.en).not.toMatch(/expected/);
      }
    }
  });
});

describe('a file with a mistake is refused, naming the field', () => {
  it.each<[string, Path, (v: unknown) => unknown, string, RegExp, RegExp]>([
    [
      'a missing number',
      ['score', 'collection', 'base'],
      () => REMOVE,
      'score.collection.base',
      /^missing$/,
      /缺少/,
    ],
    [
      'a number given as a JSON number, not text',
      ['reserve', 'rate'],
      () => 0.2,
      'reserve.rate',
      /decimal text such as "0.995".*got 0.2 \(a number\)/,
      /十进制数.*0.2（数值）/,
    ],
    [
      'a number with a thousands separator',
      ['reserve', 'caps', 'JUNIOR'],
      () => '5,000',
      'reserve.caps.JUNIOR',
      /no thousands separators\), got "5,000"/,
      /千位分隔符/,
    ],
    [
      'a percent sign',
      ['collectionDuty', 'overall', 'value'],
      () => '99.5%',
      'collectionDuty.overall.value',
      /got "99.5%"/,
      /不带 %/,
    ],
    [
      'a negative cap',
      ['reserve', 'caps', 'SENIOR'],
      () => '-20000',
      'reserve.caps.SENIOR',
      /number ≥ 0.*got "-20000"/,
      /不小于 0/,
    ],
    [
      'an unknown operator',
      ['outcome', 'managerScore', 'op'],
      () => '=<',
      'outcome.managerScore.op',
      /expected one of <, <=, >, >=, got "=<"/,
      /之一/,
    ],
    [
      'an unknown role',
      ['authority', 'above'],
      () => 'CEO',
      'authority.above',
      /expected one of BRANCH_HEAD, SENIOR, MID, JUNIOR, AGENT, got "CEO"/,
      /之一/,
    ],
    ['an empty list', ['tier'], () => [], 'tier', /non-empty list/, /不能为空/],
    [
      'a boolean option given as text',
      ['options', 'whole_steps'],
      () => 'yes',
      'options.whole_steps',
      /expected true or false, got "yes"/,
      /true 或 false/,
    ],
    [
      'decimal places out of range',
      ['score', 'totalPlaces'],
      () => 11,
      'score.totalPlaces',
      /decimal places 0–4, got 11/,
      /小数位数/,
    ],
    [
      'money rounded below the fen',
      ['reserve', 'moneyPlaces'],
      () => 3,
      'reserve.moneyPlaces',
      /decimal places 0–2, got 3/,
      /小数位数/,
    ],
    [
      'an object replaced by text',
      ['score', 'npl'],
      () => 'bands',
      'score.npl',
      /expected an object \{ … \}, got "bands"/,
      /对象/,
    ],
    [
      'an unknown item kind',
      ['score', 'fourth', 'SENIOR', 'kind'],
      () => 'curve',
      'score.fourth.SENIOR.kind',
      /expected one of linear, proportional, got "curve"/,
      /之一/,
    ],
    [
      'a tier condition on an unknown field',
      ['tier', 0, 'conditions', 1, 'field'],
      () => 'income',
      'tier[0].conditions[1].field',
      /expected one of deposits, loans/,
      /之一/,
    ],
  ])('%s', (_what, path, change, field, en, zh) => {
    const p = theProblem(withLeaf(DEFAULT_POLICY, path, change), field);
    expect(p.reason.en).toMatch(en);
    expect(p.reason.zh).toMatch(zh);
  });

  it('a misspelt key is an unknown key', () => {
    const p = clonePolicy(DEFAULT_POLICY) as unknown as { reserve: Record<string, unknown> };
    p.reserve.cap = p.reserve.caps;
    delete p.reserve.caps;
    const problems = problemsOf(p);
    expect(problems.map((x) => [x.path, x.reason.en])).toEqual([
      ['reserve.caps', 'missing'],
      ['reserve.cap', 'unknown key (not in policy.schema.json: a misspelling?)'],
    ]);
  });

  it('JSON that does not parse, or is not a policy at all', () => {
    const bad = loadPolicyJson('{"id": ');
    expect(!bad.ok && bad.problems[0].path).toBe('');
    expect(!bad.ok && problemLine(bad.problems[0], 'en')).toMatch(/^file: not valid JSON/);
    expect(!bad.ok && problemLine(bad.problems[0], 'zh')).toMatch(/^文件：不是有效的 JSON/);
    expect(problemsOf(null)[0].reason.en).toBe('expected an object { … }, got null');
    expect(problemsOf({}).length).toBeGreaterThan(5);
    // A byte-order mark (Notepad's UTF-8) is not a mistake.
    expect(loadPolicyJson(`\uFEFF${readFileSync(POLICY_FILE, 'utf8')}`).ok).toBe(true);
  });
});

describe('a file inconsistent with itself is refused, naming the field', () => {
  const edit = (changes: [Path, unknown][]): Policy =>
    changes.reduce<Policy>((p, [path, v]) => withLeaf(p, path, () => v), DEFAULT_POLICY);

  it('NPL bands out of order (a band listed after a higher one)', () => {
    const bands = DEFAULT_POLICY.score.npl.bands;
    const p = edit([
      [
        ['score', 'npl', 'bands'],
        [bands[0], bands[2], bands[1], bands[3]],
      ],
    ]);
    const problems = problemsOf(p);
    expect(problems.map((x) => x.path)).toEqual([
      'score.npl.bands[1].lo',
      'score.npl.bands[2].lo',
      'score.npl.bands[3].lo',
    ]);
    expect(problems[1].reason.en).toMatch(/overlaps band \[0.01..0.05\] listed before it/);
    expect(problems[1].reason.zh).toMatch(/重叠/);
  });

  it('NPL bands overlapping by more than the one shared end POLICY §0 allows', () => {
    const p = theProblem(
      edit([[['score', 'npl', 'bands', 2, 'lo'], '0.005']]),
      'score.npl.bands[2].lo',
    );
    expect(p.reason.en).toMatch(/\[0.005..0.05\] overlaps band \[0..0.01\]/);
  });

  it('a gap between NPL bands', () => {
    const p = theProblem(
      edit([[['score', 'npl', 'bands', 3, 'lo'], '0.06']]),
      'score.npl.bands[3].lo',
    );
    expect(p.reason.en).toBe('no band covers the ratios between [0.01..0.05] and [0.06..1]');
    expect(p.reason.zh).toMatch(/没有区间覆盖/);
  });

  it('a shared end that neither band includes is a gap too', () => {
    const p = edit([
      [['score', 'npl', 'bands', 2, 'hiIncluded'], false],
      [['score', 'npl', 'bands', 3, 'loIncluded'], false],
    ]);
    expect(theProblem(p, 'score.npl.bands[3].lo').reason.en).toMatch(/no band covers/);
  });

  it('a band that ends below its start', () => {
    const p = edit([[['score', 'npl', 'bands', 2, 'lo'], '0.06']]);
    expect(problemsOf(p)[0]).toEqual({
      path: 'score.npl.bands[2].lo',
      reason: {
        en: 'band [0.06..0.05] is empty: it ends below its start',
        zh: '区间 [0.06..0.05] 为空：终点低于起点',
      },
    });
  });

  it('NPL ratios typed as percents (5 for 5%)', () => {
    const p = edit([[['score', 'npl', 'bands', 3, 'hi'], '100']]);
    expect(theProblem(p, 'score.npl.bands[3].hi').reason.en).toMatch(/fraction of 1/);
  });

  it('a reserve rate above 100%', () => {
    expect(theProblem(edit([[['reserve', 'rate'], '20']]), 'reserve.rate').reason.en).toMatch(
      /fraction of 1 \(20% is 0.2\); got 20/,
    );
  });

  it('an item whose lowest points exceed its highest, and a step of 0', () => {
    const p = edit([
      [['score', 'collection', 'min'], '40'],
      [['score', 'fourth', 'BRANCH_HEAD', 'step'], '0'],
    ]);
    expect(problemsOf(p).map((x) => x.path)).toEqual([
      'score.collection.min',
      'score.fourth.BRANCH_HEAD.step',
    ]);
  });

  it('an accounts target of 0 (points are divided by it)', () => {
    expect(
      theProblem(edit([[['score', 'fourth', 'MID', 'target'], '0']]), 'score.fourth.MID.target')
        .reason.en,
    ).toMatch(/cannot be 0/);
  });

  it('an item maximum raised without the total range', () => {
    const p = theProblem(
      edit([[['score', 'deposit', 'SENIOR', 'max'], '70']]),
      'score.totalRange.SENIOR',
    );
    expect(p.reason.en).toBe("the items add up to 0–140 points, outside the total's range 0–130");
    // Raising both is a consistent revision.
    expect(
      checkPolicy(
        edit([
          [['score', 'deposit', 'SENIOR', 'max'], '70'],
          [['score', 'totalRange', 'SENIOR', 'max'], '140'],
        ]),
      ).ok,
    ).toBe(true);
  });

  it('loan limits not rising with the grade', () => {
    const p = theProblem(
      edit([[['authority', 'limits', 1, 'max'], '1000000']]),
      'authority.limits[1].max',
    );
    expect(p.reason.en).toMatch(/must rise from one entry to the next: 1000000 then 1000000/);
  });
});
