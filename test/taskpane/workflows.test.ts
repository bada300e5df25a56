/** The workflows' pure parts: reading a CM call's arguments, marks, language, errors. */
import { findCmCall, marksOf, parseArg, readableError } from '../../src/taskpane/workflows';
import { langOf } from '../../src/taskpane/i18n';
import type { Finding } from '../../src/sheets/findings';

describe('findCmCall', () => {
  it('finds either spelling in any case, wrapped or not', () => {
    expect(findCmCall('=CM.APPRAISAL_SCORE(C2,D2,E2,F2,G2)')).toEqual({
      name: 'APPRAISAL_SCORE',
      args: ['C2', 'D2', 'E2', 'F2', 'G2'],
    });
    expect(findCmCall('=_xldudf_cm_grade_outcome("MID", 85, 99.5%)')?.name).toBe('GRADE_OUTCOME');
    expect(findCmCall('=IFERROR(cm.Label(A1, "en"), "")')).toEqual({
      name: 'LABEL',
      args: ['A1', '"en"'],
    });
    expect(findCmCall('=CM.POLICY_VERSION()')).toEqual({ name: 'POLICY_VERSION', args: [] });
    expect(findCmCall('=CM.RISK_RESERVE("JUNIOR", 8000, )')?.args).toEqual([
      '"JUNIOR"',
      '8000',
      '',
    ]);
  });

  it('ignores formulas without a CM call, and CM. inside text or longer names', () => {
    expect(findCmCall(null)).toBeUndefined();
    expect(findCmCall('=SUM(A1:A3)')).toBeUndefined();
    expect(findCmCall('="CM.LABEL(x)"')).toBeUndefined();
    expect(findCmCall('=XCM.LABEL(A1)')).toBeUndefined();
  });

  it('keeps commas inside quotes, sheet names and nested calls in one argument', () => {
    expect(findCmCall(`=CM.LABEL("a,b", 'My, sheet'!B2)`)?.args).toEqual([
      '"a,b"',
      `'My, sheet'!B2`,
    ]);
    expect(findCmCall('=CM.LOAN_APPROVER(MAX(A1,B1))')?.args).toEqual(['MAX(A1,B1)']);
  });
});

describe('parseArg', () => {
  it('reads literals as Excel does', () => {
    expect(parseArg('')).toEqual({ kind: 'omitted' });
    expect(parseArg('34%')).toEqual({ kind: 'literal', value: 0.34 });
    expect(parseArg('99.7%')).toEqual({ kind: 'literal', value: 0.997 });
    expect(parseArg('-1.5e3')).toEqual({ kind: 'literal', value: -1500 });
    expect(parseArg('"say ""hi"""')).toEqual({ kind: 'literal', value: 'say "hi"' });
    expect(parseArg('true')).toEqual({ kind: 'literal', value: true });
  });

  it('reads references with and without a sheet', () => {
    expect(parseArg('$C$2')).toEqual({ kind: 'ref', rect: { row: 1, col: 2, rows: 1, cols: 1 } });
    expect(parseArg("'考核 表'!B2:M2")).toEqual({
      kind: 'ref',
      sheet: '考核 表',
      rect: { row: 1, col: 1, rows: 1, cols: 12 },
    });
    expect(parseArg('Sheet1!A1')).toMatchObject({ kind: 'ref', sheet: 'Sheet1' });
    expect(parseArg('A1*2')).toEqual({ kind: 'unsupported', text: 'A1*2' });
    expect(parseArg('[@Score]')).toEqual({ kind: 'unsupported', text: '[@Score]' });
  });
});

describe('marksOf', () => {
  const f = (address: string, severity: 'error' | 'warning'): Finding => ({
    severity,
    sheet: 'S',
    address,
    row: 2,
    column: null,
    rule: 'value.type',
    article: '§0',
    message: { en: '', zh: '' },
  });

  it('gives one mark per cell, an error outranking a warning', () => {
    expect(marksOf([f('A2', 'warning'), f('A2', 'error'), f('B2', 'warning')])).toEqual([
      { sheet: 'S', address: 'A2', severity: 'error' },
      { sheet: 'S', address: 'B2', severity: 'warning' },
    ]);
  });
});

describe('langOf and readableError', () => {
  it('takes Chinese for every zh display language, else English', () => {
    expect(langOf('zh-CN')).toBe('zh');
    expect(langOf('zh-TW')).toBe('zh');
    expect(langOf('ZH')).toBe('zh');
    expect(langOf('en-US')).toBe('en');
    expect(langOf('fr-FR')).toBe('en');
    expect(langOf(undefined)).toBe('en');
  });

  it('gives one readable line with the Office error code, never a stack', () => {
    const e = Object.assign(new Error('Cannot write to a protected sheet.\n  at run (x.js:1)'), {
      code: 'AccessDenied',
    });
    expect(readableError(e, 'en')).toBe('AccessDenied: Cannot write to a protected sheet.');
    expect(readableError(undefined, 'zh')).toBe('发生未知错误。');
  });
});
