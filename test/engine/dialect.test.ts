import fc from 'fast-check';
import { tokenize, joinTokens } from '../../src/engine/lexer';
import {
  canonicalFunctionName,
  indexNames,
  shiftFormula,
  toHyperFormula,
  toSavedFormula,
  toTypedFormula,
  type TranslateContext,
} from '../../src/engine/dialect';
import { indexTables } from '../../src/engine/structured-ref';
import type { TableModel } from '../../src/engine/model';

const tables: TableModel[] = [
  {
    name: 'Table1',
    sheet: 'Data',
    ref: 'A1:D11',
    headerRow: true,
    totalsRow: true,
    columns: ['Name', 'Score', 'Outcome', 'Total Score'],
  },
  {
    name: '表1',
    sheet: '考核表',
    ref: 'B2:C5',
    headerRow: true,
    totalsRow: false,
    columns: ['姓名', '得分'],
  },
];

function ctx(sheet = 'Data', row = 4, col = 5, known?: string[]): TranslateContext {
  return {
    site: { sheet, row, col },
    tables: indexTables(tables),
    names: indexNames([
      { name: '基数', refersTo: '参数!$B$2' },
      { name: 'Rate', refersTo: "'My Sheet'!$C$1:$C$3" },
      { name: 'Twice', refersTo: '参数!$B$2*2' },
    ]),
    isFunction: known ? (n) => known.includes(n) : undefined,
  };
}

const hf = (f: string, c = ctx()) => toHyperFormula(f, c);

describe('lexer', () => {
  it('round-trips any formula exactly', () => {
    for (const f of [
      '_xldudf_CM_APPRAISAL_SCORE(C2,D2,"a""b",\'x\'\'y\'!A1)',
      'SUM(Table1[[#This Row],[Score]:[Outcome]])+[@Score]',
      '{1,2;3,4}*#N/A&"£"',
    ]) {
      expect(joinTokens(tokenize(f))).toBe(f);
    }
  });

  it('keeps strings and quoted sheet names whole', () => {
    const kinds = tokenize('"CM.X(" & \'考核 表\'!A1').map((t) => t.kind);
    expect(kinds).toEqual(['string', 'space', 'op', 'space', 'quoted', 'bang', 'word']);
  });
});

describe('function names', () => {
  it('maps the saved and typed CM spellings in any case to CM.NAME', () => {
    expect(hf('_xldudf_CM_APPRAISAL_SCORE(A1)')).toBe('CM.APPRAISAL_SCORE(A1)');
    expect(hf('_xldudf_cm_appraisal_score(A1)')).toBe('CM.APPRAISAL_SCORE(A1)');
    expect(hf('cm.Grade_Outcome(A1)')).toBe('CM.GRADE_OUTCOME(A1)');
  });

  it('strips _xlfn. and _xlws. prefixes', () => {
    expect(hf('_xlfn.XLOOKUP(1,A:A,B:B)')).toBe('XLOOKUP(1,A:A,B:B)');
    expect(hf('_xlfn._xlws.FILTER(A1:A3,B1:B3)')).toBe('FILTER(A1:A3,B1:B3)');
    expect(hf('_xlws.SORT(A1:A3)')).toBe('SORT(A1:A3)');
  });

  it('never touches string literals', () => {
    expect(hf('"_xldudf_CM_X(" & "表1[得分]" & "考核表!A1"')).toBe(
      '"_xldudf_CM_X(" & "表1[得分]" & "考核表!A1"',
    );
  });

  it('names an unknown function', () => {
    expect(hf('FOO(1)+SUM(1)', ctx('Data', 0, 0, ['SUM']))).toEqual({
      error: '#NAME?',
      message: 'Unknown function FOO',
    });
  });

  it('writes typed CM calls in the saved form and back', () => {
    expect(toSavedFormula('=CM.APPRAISAL_SCORE(A1,"CM.X(")+cm.label(B1)')).toBe(
      '_xldudf_CM_APPRAISAL_SCORE(A1,"CM.X(")+_xldudf_CM_LABEL(B1)',
    );
    expect(toSavedFormula('XLOOKUP(1,A:A,B:B)+FILTER(A1:A2,B1:B2)+SUM(1)')).toBe(
      '_xlfn.XLOOKUP(1,A:A,B:B)+_xlfn._xlws.FILTER(A1:A2,B1:B2)+SUM(1)',
    );
    expect(toTypedFormula('_xldudf_CM_APPRAISAL_SCORE(A1)+_xlfn.IFS(TRUE,1)')).toBe(
      'CM.APPRAISAL_SCORE(A1)+IFS(TRUE,1)',
    );
  });
});

describe('sheet names', () => {
  it('quotes unquoted sheet names (CJK included)', () => {
    expect(hf('考核表!A1+Sheet1!$B$2')).toBe("'考核表'!A1+'Sheet1'!$B$2");
    expect(hf("'My ''Sheet'!A1")).toBe("'My ''Sheet'!A1");
  });
});

describe('structured references', () => {
  it.each([
    ['Table1[Score]', "'Data'!$B$2:$B$10"],
    ['table1[score]', "'Data'!$B$2:$B$10"],
    ['Table1[@Score]', "'Data'!$B$5"],
    ['Table1[[#This Row],[Score]]', "'Data'!$B$5"],
    ['Table1[#Data]', "'Data'!$A$2:$D$10"],
    ['Table1[]', "'Data'!$A$2:$D$10"],
    ['Table1[#All]', "'Data'!$A$1:$D$11"],
    ['Table1[#Headers]', "'Data'!$A$1:$D$1"],
    ['Table1[#Totals]', "'Data'!$A$11:$D$11"],
    ['Table1[[#Headers],[#Data],[Score]]', "'Data'!$B$1:$B$10"],
    ['Table1[[Score]:[Outcome]]', "'Data'!$B$2:$C$10"],
    ['Table1[[#This Row],[Score]:[Outcome]]', "'Data'!$B$5:$C$5"],
    ['Table1[@[Total Score]]', "'Data'!$D$5"],
    ['[@Score]', "'Data'!$B$5"],
    ['[Score]', "'Data'!$B$2:$B$10"],
    ['Table1[ [#This Row], [Score] ]', "'Data'!$B$5"],
  ])('%s → %s', (f, want) => {
    expect(hf(f, ctx('Data', 4, 2))).toBe(want);
  });

  it('resolves CJK tables and columns', () => {
    expect(hf('SUM(表1[得分])', ctx('考核表', 2, 3))).toBe("SUM('考核表'!$C$3:$C$5)");
    expect(hf('表1[@得分]*2', ctx('考核表', 2, 3))).toBe("'考核表'!$C$3*2");
  });

  it('says why it cannot resolve', () => {
    expect(hf('SUM(表9[得分])')).toEqual({
      error: '#VALUE!',
      message: 'Structured reference to unknown table 表9',
    });
    expect(hf('Table1[Nope]')).toMatchObject({
      error: '#VALUE!',
      message: 'Table Table1 has no column Nope',
    });
    expect(hf('Table1[@Score]', ctx('Data', 20, 2))).toMatchObject({ error: '#VALUE!' });
    expect(hf('[@Score]', ctx('Other', 1, 1))).toMatchObject({ error: '#VALUE!' });
  });
});

describe('defined names', () => {
  it('replaces names (CJK included) by what they refer to', () => {
    expect(hf('A1*基数')).toBe("A1*'参数'!$B$2");
    expect(hf('SUM(rate)')).toBe("SUM('My Sheet'!$C$1:$C$3)");
    expect(hf('Twice+1')).toBe("('参数'!$B$2*2)+1");
  });

  it('names an unknown name', () => {
    expect(hf('A1*未知')).toEqual({ error: '#NAME?', message: 'Unknown name 未知' });
  });

  it('keeps references, booleans and ranges', () => {
    expect(hf('SUM(A:A,1:1,$B$2:C3)*TRUE')).toBe('SUM(A:A,1:1,$B$2:C3)*TRUE()');
  });

  it('refuses references to other workbooks', () => {
    expect(hf('[1]Sheet1!A1')).toMatchObject({ error: '#REF!' });
  });
});

describe('shiftFormula', () => {
  it('moves relative references only', () => {
    expect(shiftFormula('A2*$B$1+B$1+$C2+SUM(D2:E3)', 3, 1)).toBe('B5*$B$1+C$1+$C5+SUM(E5:F6)');
  });

  it('leaves strings, functions, sheet names, names and tables alone', () => {
    expect(shiftFormula('"A1"&LOG10(A1)&Sheet1!A1&Table1[Score]&\'S\'!B2', 1, 0)).toBe(
      '"A1"&LOG10(A2)&Sheet1!A2&Table1[Score]&\'S\'!B3',
    );
  });

  it('shifts whole rows and columns', () => {
    expect(shiftFormula('SUM(A:A)+SUM(2:2)+SUM($A:$A)', 1, 1)).toBe('SUM(B:B)+SUM(3:3)+SUM($A:$A)');
  });

  it('gives #REF! off the sheet', () => {
    expect(shiftFormula('A1', -1, 0)).toBe('#REF!');
  });
});

describe('toTypedFormula fast path', () => {
  /** The tokenizer's reading (the path every formula took before the fast path). */
  const byTokens = (saved: string): string => {
    const tokens = tokenize(saved);
    return tokens
      .map((t, i) => {
        if (t.kind !== 'word' || tokens[i + 1]?.kind !== 'lparen') return t.text;
        const canonical = canonicalFunctionName(t.text);
        return canonical.startsWith('CM.') || t.text.startsWith('_') ? canonical : t.text;
      })
      .join('');
  };
  const pieces = [
    '_xldudf_CM_APPRAISAL_SCORE',
    '_xlfn.CONCAT',
    '_xlfn._xlws.FILTER',
    'cm.label',
    'CM.RISK_RESERVE',
    'SUM',
    'if',
    '_x',
    'A_xlfn.SUM',
    'D2',
    '$E$7',
    'Sheet1!',
    '2E5',
    '2E5_x',
    '1.5e3cm.x',
    '1.5',
    '.5',
    '1_',
    '12ABC',
    'E5',
    '(',
    ')',
    ',',
    ':',
    '+',
    '-',
    '*',
    ' ',
    '&',
    '{',
    '}',
    '"x(y"',
    "'考核 表'!",
    '#N/A',
    '[@工号]',
    '?',
    '\\',
    '$',
    '.',
    '_',
  ];
  it('reads every formula as the tokenizer does', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 14 }), (parts) => {
        const saved = parts.join('');
        expect(toTypedFormula(saved)).toBe(byTokens(saved));
        expect(toTypedFormula(saved, '=')).toBe(`=${byTokens(saved)}`);
      }),
      { numRuns: 3000 },
    );
  });

  it('types a saved CM call', () => {
    expect(toTypedFormula('_xldudf_CM_APPRAISAL_SCORE(D2,E2,G2,H2,J2)', '=')).toBe(
      '=CM.APPRAISAL_SCORE(D2,E2,G2,H2,J2)',
    );
    expect(toTypedFormula('IF(_xlfn.IFS(A1>1,1),cm.label("DEMOTE"),0)')).toBe(
      'IF(IFS(A1>1,1),CM.LABEL("DEMOTE"),0)',
    );
  });
});
