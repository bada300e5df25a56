/**
 * Issue 13: Validate's default scope is the whole workbook. On the sample (examples/
 * appraisal-sample.xlsx) the task pane's workflow finds all 8 planted problems at once, whichever
 * sheet is active, the client-grade, policy-gap and loan-authority findings included.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadWorkbook } from '../../src/engine';
import { LocalHost } from '../../src/host/local-host';
import { validateActive } from '../../src/taskpane/workflows';

const SAMPLE = join(__dirname, '..', '..', 'examples', 'appraisal-sample.xlsx');

async function sample(): Promise<LocalHost> {
  return new LocalHost(await loadWorkbook(readFileSync(SAMPLE)), { name: 'appraisal-sample.xlsx' });
}

describe('Validate on the sample, default scope', () => {
  it('finds all 8 findings, whichever sheet is active', async () => {
    const host = await sample();
    for (const sheet of host.workbook.sheetNames()) {
      host.activate(sheet);
      const result = await validateActive(host);
      expect(result.findings.map((f) => `${f.sheet}!${f.address} ${f.rule}`).sort()).toEqual(
        [
          '考核表!T3 formula.overwritten',
          '考核表!J5 rate.percent-typed',
          '考核表!A16 id.duplicate',
          '考核表!F18 input.missing',
          '考核表!D27 role.unknown',
          '客户表!D11 client.grade-too-low',
          '客户表!B12 client.policy-gap',
          '贷款表!C10 loan.above-authority',
        ].sort(),
      );
      expect(result.rows).toBe(60);
    }
  });

  it('the active sheet alone remains a choice', async () => {
    const host = await sample();
    host.activate('考核表');
    const result = await validateActive(host, { scope: { kind: 'sheet' } });
    expect(result.findings).toHaveLength(5);
    expect(result.sheet).toBe('考核表');
  });
});
