/**
 * The custom functions run under the policy file the administrator deploys beside the page
 * (policy.json), as Excel calls them: while the file loads they return a Promise (Excel waits
 * for it, learn.microsoft.com/office/dev/add-ins/excel/custom-functions-web-reqs); a refused
 * file gives #N/A with the reason, never a result under the built-in policy.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import * as excel from '../../src/functions/excel-functions';
import {
  policyStateNow,
  resetDeployedPolicy,
  startDeployedPolicy,
} from '../../src/policy/deployed';
import { call, installCustomFunctionsGlobal, shown } from './excel-fake';

const DRAFT_TEXT = readFileSync(join(__dirname, '../../examples/policy-draft-1.1.json'), 'utf8');

beforeAll(installCustomFunctionsGlobal);
afterEach(resetDeployedPolicy);

const c = (x: unknown): unknown[][] => [[x]];
// A MID with an NPL ratio of 1.5%: band 1%—5% (10 points) under the built-in policy, band
// 2%以下 (25 points) under the draft: 80 → 95.
const score = () => excel.appraisalScore(c('MID'), c(0.3), c(0.015), c(0.995), c(7));

function respond(status: number, body = '') {
  return () =>
    Promise.resolve({
      ok: status >= 200 && status < 300,
      status,
      statusText: status === 404 ? 'Not Found' : status === 500 ? 'Server Error' : 'OK',
      text: () => Promise.resolve(body),
    });
}

describe('the active policy of the custom functions', () => {
  it('is the built-in policy when the page started no load (and nothing is deployed)', async () => {
    expect(call(score)).toEqual([[80]]);
    await startDeployedPolicy('policy.json', respond(404));
    expect(policyStateNow()).toMatchObject({ kind: 'built-in' });
    expect(call(score)).toEqual([[80]]);
  });

  it('is the deployed file: calls during the load wait for it, later calls are direct', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    const loading = startDeployedPolicy('policy.json', () =>
      gate.then(() => respond(200, DRAFT_TEXT)()),
    );
    const early = score() as unknown;
    expect(early).toBeInstanceOf(Promise);
    release();
    await loading;
    expect(await (early as Promise<unknown>)).toEqual([[95]]);
    expect(call(score)).toEqual([[95]]);
    expect(excel.policyVersion()).toMatch(/ 1\.1\.0 sha256:[0-9a-f]{64}$/);
    expect(policyStateNow()).toMatchObject({ kind: 'deployed', url: 'policy.json' });
  });

  it('a refused file: every call is #N/A naming the field, never the built-in result', async () => {
    const broken = JSON.parse(DRAFT_TEXT);
    broken.reserve.caps.SENIOR = '30,000';
    await startDeployedPolicy('policy.json', respond(200, JSON.stringify(broken)));
    const r = call(score) as { code: string; message: string };
    expect(r.code).toBe('#N/A');
    expect(r.message).toMatch(/policy file policy\.json is refused \(reserve\.caps\.SENIOR: /);
    expect(
      shown(
        (() => {
          try {
            return excel.policyVersion();
          } catch (e) {
            return e;
          }
        })(),
      ),
    ).toMatchObject({ code: '#N/A' });
  });

  it('a file that cannot be fetched (server error, network) is refused, not skipped', async () => {
    await startDeployedPolicy('policy.json', respond(500));
    expect(call(score)).toMatchObject({ code: '#N/A', message: expect.stringMatching(/HTTP 500/) });
    resetDeployedPolicy();
    await startDeployedPolicy('policy.json', () => Promise.reject(new Error('offline')));
    expect(call(score)).toMatchObject({ code: '#N/A', message: expect.stringMatching(/offline/) });
  });
});
