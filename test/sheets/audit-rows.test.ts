/**
 * The audit's rows are kept light (audit-rows.ts: values in fields, verdicts packed, cells and
 * addresses through getters). What a consumer reads must be what a plain row would hold: each
 * field is checked against a straightforward reading of the grids, on sheets whose computed
 * cells are changed at random in the file and after recalculation. And `rows: 'problems'`
 * keeps exactly the rows with a problem, with the same counts, findings and problem lines.
 */
import fc from 'fast-check';
import {
  auditReportRows,
  auditWorkbook,
  columnLetters,
  type AuditCell,
  type AuditReport,
  type AuditRow,
  type CellValue,
  type ColumnKey,
  type Grid,
  type Verdict,
} from '../../src/sheets';
import { hasTemplate, rowTemplate, templatePieces } from '../../src/sheets/formulas';
import { appraisalGrid, DEFAULT_ORDER, PEOPLE, type Person } from './fixtures';

const COMPUTED_KEYS = ['score', 'outcome', 'reserve_deduction'] as const;

/** Twelve people: the four worked examples three times, with their own ids. */
const PEOPLE_12: readonly Person[] = [0, 1, 2].flatMap((k) =>
  PEOPLE.map((p, i) => ({ ...p, id: `E${k}${i}`, name: `${String(p.name)}${k}` })),
);

/** What may happen to one computed cell, in the file or after recalculation. */
type Change = 'keep' | 'off' | 'busy' | 'busy-spaced' | 'blank' | 'label' | 'constant' | 'text';

const CHANGES: readonly Change[] = [
  'keep',
  'keep',
  'keep',
  'off',
  'busy',
  'busy-spaced',
  'blank',
  'label',
  'constant',
  'text',
];

function changed(v: CellValue, change: Change, key: ColumnKey): CellValue {
  switch (change) {
    case 'off':
      return typeof v === 'number' ? v + 3 : key === 'outcome' ? 'DEMOTE' : 7;
    case 'busy':
      return '#BUSY!';
    case 'busy-spaced':
      return ' #busy! ';
    case 'blank':
      return null;
    case 'label':
      return v === 'RETAIN' ? '留任' : v === 'DEMOTE' ? 'demote' : v;
    case 'text':
      return 'n/a';
    default:
      return v;
  }
}

/** The grid with each computed cell changed as `changes[row][slot]` says. */
function variant(
  base: Grid,
  top: number,
  changes: readonly (readonly Change[])[],
  formulasToo: boolean,
): Grid {
  const col = (k: ColumnKey) => DEFAULT_ORDER.indexOf(k);
  return {
    ...base,
    values: base.values.map((row, r) =>
      r === 0
        ? row
        : row.map((v, c) => {
            const slot = COMPUTED_KEYS.indexOf(DEFAULT_ORDER[c] as (typeof COMPUTED_KEYS)[number]);
            return slot < 0 ? v : changed(v, changes[r - 1][slot], DEFAULT_ORDER[c]);
          }),
    ),
    formulas: base.formulas.map((row, r) =>
      r === 0 || !formulasToo
        ? row
        : row.map((f, c) =>
            COMPUTED_KEYS.some((k, slot) => col(k) === c && changes[r - 1][slot] === 'constant')
              ? null
              : f,
          ),
    ),
    top,
  };
}

/** The overall verdict as SHEETS.md defines it from the reported and recalculated ones. */
function overall(reported: Verdict, recalculated: Verdict): Verdict {
  if (reported === 'stale' || reported === 'mismatch') return reported;
  if (recalculated === 'mismatch') return 'mismatch';
  return reported === 'busy' || recalculated === 'busy' ? 'busy' : 'ok';
}

/** A row as a plain object, every field read once. */
function plainRow(r: AuditRow) {
  return {
    sheet: r.sheet,
    row: r.row,
    id: r.id,
    name: r.name,
    role: r.role,
    cells: r.cells.map(plainCell),
    findings: r.findings,
  };
}

function plainCell(c: AuditCell) {
  return {
    key: c.key,
    address: c.address,
    expected: c.expected,
    reported: c.reported,
    shown: c.shown,
    formula: c.formula,
    formulaStatus: c.formulaStatus,
    reportedVerdict: c.reportedVerdict,
    recalculatedVerdict: c.recalculatedVerdict,
    verdict: c.verdict,
  };
}

const change = fc.constantFrom(...CHANGES);
const changesOf = fc.array(fc.array(change, { minLength: 3, maxLength: 3 }), {
  minLength: PEOPLE_12.length,
  maxLength: PEOPLE_12.length,
});

describe('audit rows', () => {
  it('each field reads what the grids and the policy give', () => {
    fc.assert(
      fc.property(
        changesOf,
        changesOf,
        fc.integer({ min: 0, max: 3 }),
        fc.boolean(),
        (inFile, afterRecalc, top, withReported) => {
          const base = appraisalGrid(PEOPLE_12);
          const shown = variant(base, top, afterRecalc, true);
          const reported = variant(base, top, inFile, false);
          const report = auditWorkbook([shown], withReported ? { reported: [reported] } : {});
          expect(report.rows).toHaveLength(PEOPLE_12.length);
          let mismatches = 0;
          let busy = 0;
          let reportedMismatches = 0;
          report.rows.forEach((row, i) => {
            const r = i + 1; // grid row: the header is row 0
            const person = PEOPLE_12[i];
            expect(plainRow(row)).toMatchObject({
              sheet: '考核表',
              row: top + r + 1,
              id: person.id,
              name: person.name,
            });
            expect(row.cells.map((c) => c.key)).toEqual([...COMPUTED_KEYS]);
            for (const cell of row.cells) {
              const c = DEFAULT_ORDER.indexOf(cell.key);
              const from = withReported ? reported : shown;
              expect(cell.address).toBe(`${columnLetters(c)}${top + r + 1}`);
              // The fixture's values are the policy's (FUNCTIONS.md worked examples).
              expect(cell.expected).toBe(person[cell.key]);
              expect(cell.shown).toBe(shown.values[r][c]);
              expect(cell.reported).toBe(from.values[r][c]);
              expect(cell.formula).toBe(shown.formulas[r][c]);
              expect(cell.verdict).toBe(overall(cell.reportedVerdict, cell.recalculatedVerdict));
              expect(cell.recalculatedVerdict).not.toBe('stale');
              if (cell.verdict === 'busy') busy++;
              else if (cell.verdict !== 'ok') mismatches++;
              if (cell.reportedVerdict === 'mismatch' || cell.reportedVerdict === 'stale') {
                reportedMismatches++;
              }
              // A cell that is not ok has its audit finding on the row, at its address.
              const audit = row.findings.filter(
                (f) => f.rule.startsWith('audit.') && f.address === cell.address,
              );
              expect(audit).toHaveLength(cell.verdict === 'ok' ? 0 : 1);
            }
            // Reading twice gives the same values.
            expect(plainRow(row)).toEqual(plainRow(row));
          });
          expect(report.counts).toMatchObject({ mismatches, busy, reportedMismatches });
        },
      ),
      { numRuns: 60 },
    );
  });

  it("rows: 'problems' keeps exactly the rows with a problem; counts, findings and problem lines unchanged", () => {
    fc.assert(
      fc.property(changesOf, changesOf, fc.boolean(), (inFile, afterRecalc, withReported) => {
        const base = appraisalGrid(PEOPLE_12);
        const shown = variant(base, 0, afterRecalc, true);
        const reported = variant(base, 0, inFile, false);
        const options = withReported ? { reported: [reported] } : {};
        const full = auditWorkbook([shown], options);
        const lean = auditWorkbook([shown], { ...options, rows: 'problems' });
        const problem = (r: AuditRow) =>
          r.findings.length > 0 || r.cells.some((c) => c.verdict !== 'ok');
        expect(lean.rows.map(plainRow)).toEqual(full.rows.filter(problem).map(plainRow));
        const rest: (r: AuditReport) => unknown = ({ rows: _, ...r }) => r;
        expect(rest(lean)).toEqual(rest(full));
        for (const lang of ['zh', 'en'] as const) {
          expect(auditReportRows(lean, lang, { onlyProblems: true })).toEqual(
            auditReportRows(full, lang, { onlyProblems: true }),
          );
        }
      }),
      { numRuns: 60 },
    );
  });

  it('a row without findings shares one frozen empty list', () => {
    const report = auditWorkbook([appraisalGrid(PEOPLE_12)]);
    expect(report.findings).toEqual([]);
    const lists = new Set(report.rows.map((r) => r.findings));
    expect(lists.size).toBe(1);
    const [only] = lists;
    expect(only).toEqual([]);
    expect(Object.isFrozen(only)).toBe(true);
  });
});

describe('hasTemplate', () => {
  const piece = fc.constantFrom(
    '=CM.X(',
    'D',
    '$E$',
    ',',
    '1',
    '2',
    '12',
    '21',
    ')',
    "'a 1'!",
    '[@分]',
    // Regular-expression syntax and a line break, as a formula may hold in its text.
    '^$.*+?()[]{}|/\\',
    '\n',
  );
  const formula = fc.array(piece, { maxLength: 12 }).map((p) => p.join(''));

  it("says whether a formula's row template is the one given, as rowTemplate would build it", () => {
    fc.assert(
      fc.property(formula, formula, fc.integer({ min: 0, max: 30 }), (f, g, sheetRow) => {
        const template = rowTemplate(g, sheetRow);
        const row = String(sheetRow + 1);
        expect(hasTemplate(f, templatePieces(template), row)).toBe(
          rowTemplate(f, sheetRow) === template,
        );
        expect(hasTemplate(g, templatePieces(template), row)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('a formula filled down to the next row has the same template', () => {
    const parts = templatePieces(rowTemplate('=CM.X(D12,E12,F7)', 11));
    expect(hasTemplate('=CM.X(D13,E13,F7)', parts, '13')).toBe(true);
    // Its own row appears elsewhere too: another template.
    expect(hasTemplate('=CM.X(D7,E7,F7)', parts, '7')).toBe(false);
    expect(hasTemplate('=CM.X(D13,E13,F7)x', parts, '13')).toBe(false);
    // Without digits of its own, a template is matched by one join: the same answers.
    const plain = templatePieces(rowTemplate('=CM.X(D12,E12)', 11));
    expect(plain.pattern).toBeDefined();
    expect(parts.pattern).toBeUndefined();
    expect(hasTemplate('=CM.X(D13,E13)', plain, '13')).toBe(true);
    expect(hasTemplate('=CM.X(D13,E14)', plain, '13')).toBe(false);
    // The next row's formula is the same template, but not this row's.
    expect(hasTemplate('=CM.X(D14,E14)', plain, '13')).toBe(false);
    expect(hasTemplate('=CM.X(D130,E130)', plain, '13')).toBe(false);
    expect(hasTemplate('=CM.X()', templatePieces('=CM.X()'), '13')).toBe(true);
  });
});
