import {
  appendRecord,
  auditLogFields,
  auditWorkbook,
  findingsDigest,
  GENESIS_HASH,
  LOG_HEADER,
  logToRows,
  rowsFromLog,
  verifyLog,
  type AuditRecord,
  type CellValue,
} from '../../src/sheets';
import { appraisalGrid, deepFreeze, withCell } from './fixtures';

function chain(n: number): AuditRecord[] {
  const records: AuditRecord[] = [];
  for (let i = 0; i < n; i++) {
    records.push(
      appendRecord(records[i - 1], {
        when: `2025-0${(i % 9) + 1}-03T09:00:00.000Z`,
        who: i % 2 ? '稽核监控办 王' : '',
        workbook: '考核2025.xlsx',
        policyVersion: '商业银行客户经理考核管理办法 1.0.0',
        policyHash: 'a'.repeat(64),
        rows: 40 + i,
        errors: i,
        warnings: 2,
        mismatches: i % 3,
        findingsDigest: 'b'.repeat(64),
      }),
    );
  }
  return deepFreeze(records);
}

const bad = (records: readonly AuditRecord[], options = {}): number | 'ok' => {
  const v = verifyLog(records, options);
  return v.ok ? 'ok' : v.index;
};

describe('audit log', () => {
  const log = chain(5);

  it('chains records from 64 zeros', () => {
    expect(log[0].prevHash).toBe(GENESIS_HASH);
    expect(log[0].seq).toBe(1);
    for (let i = 1; i < log.length; i++) {
      expect(log[i].prevHash).toBe(log[i - 1].hash);
      expect(log[i].seq).toBe(i + 1);
    }
    expect(verifyLog(log)).toEqual({ ok: true });
    expect(verifyLog([])).toEqual({ ok: true });
  });

  it('detects an edited field and names that record', () => {
    for (const field of [
      'when',
      'who',
      'workbook',
      'errors',
      'mismatches',
      'policyHash',
    ] as const) {
      const edited = log.map((r, i) =>
        i === 2 ? { ...r, [field]: typeof r[field] === 'number' ? 0 : `${r[field]}x` } : r,
      );
      expect(bad(edited)).toBe(2);
    }
    const v = verifyLog(log.map((r, i) => (i === 3 ? { ...r, errors: 0 } : r)));
    expect(v.ok).toBe(false);
    if (!v.ok) {
      expect(v.reason.en).toContain('edited');
      expect(v.reason.zh).toContain('修改');
    }
  });

  it('detects a record edited with its own hash recomputed (the next link breaks)', () => {
    const forged = appendRecord(log[1], { ...log[2], errors: 0 });
    expect(bad(log.map((r, i) => (i === 2 ? forged : r)))).toBe(3);
  });

  it('detects a deleted record (first, middle) by the broken link', () => {
    expect(bad([log[0], log[1], log[3], log[4]])).toBe(2);
    expect(bad(log.slice(1))).toBe(0);
  });

  it('detects an inserted forged record with a correct-looking chain at the next record', () => {
    const forged = appendRecord(log[1], { ...log[2], errors: 0, who: 'intruder' });
    expect(bad([log[0], log[1], forged, ...log.slice(2)])).toBe(3);
  });

  it('detects reordered records', () => {
    expect(bad([log[0], log[2], log[1], log[3], log[4]])).toBe(1);
    expect(bad([...log].reverse())).toBe(0);
  });

  it('deleting the last record needs the anchored head (or count) to be seen', () => {
    const truncated = log.slice(0, 4);
    expect(bad(truncated)).toBe('ok'); // documented: the chain alone cannot see it
    expect(bad(truncated, { expectedHead: log[4].hash })).toBe(4);
    expect(bad(truncated, { expectedCount: 5 })).toBe(4);
    expect(bad(log, { expectedHead: log[4].hash, expectedCount: 5 })).toBe('ok');
    // A forged record appended after the anchored head.
    const extra = [...log, appendRecord(log[4], { ...log[4], errors: 0 })];
    expect(bad(extra, { expectedHead: log[4].hash })).toBe(5);
  });

  it('names the first missing record when the anchored count is short, in both languages', () => {
    const reason = (records: readonly AuditRecord[], expectedCount: number) => {
      const v = verifyLog(records, { expectedCount });
      return v.ok ? 'ok' : v.reason;
    };
    expect(reason(log.slice(0, 4), 5)).toEqual({
      en: 'the log holds 4 records, 5 expected: record 5 was deleted from the end.',
      zh: '日志有 4 条记录，应为 5 条：末尾的第 5 条记录已被删除。',
    });
    expect(reason(log.slice(0, 1), 5)).toEqual({
      en: 'the log holds 1 record, 5 expected: records 2 to 5 were deleted from the end.',
      zh: '日志有 1 条记录，应为 5 条：末尾的第 2 至 5 条记录已被删除。',
    });
    expect(reason([], 2)).toEqual({
      en: 'the log holds 0 records, 2 expected: the log sheet or all its records (records 1 to 2) were deleted.',
      zh: '日志有 0 条记录，应为 2 条：日志表或其全部记录（第 1 至 2 条）已被删除。',
    });
    expect(reason(log, 3)).toMatchObject({ en: expect.stringMatching(/added after record 3/) });
  });

  it('round-trips through sheet rows, tolerant of what Excel does to them', () => {
    const rows = logToRows(log);
    expect(rows[0]).toEqual([...LOG_HEADER]);
    expect(rows).toHaveLength(6);
    const read = rowsFromLog(rows);
    expect(read).toEqual({ ok: true, records: log });
    // Numbers stored as text, a header in another case, blank rows, a blank who.
    const excel: CellValue[][] = rows.map((r, i) =>
      i === 0
        ? r.map((h) => String(h).toUpperCase())
        : r.map((v) => (typeof v === 'number' ? String(v) : v)),
    );
    excel.splice(
      3,
      0,
      Array.from({ length: LOG_HEADER.length }, () => null),
    );
    excel[1][2] = null;
    const again = rowsFromLog(excel);
    expect(again.ok).toBe(true);
    if (again.ok) expect(verifyLog(again.records)).toEqual({ ok: true });
  });

  it('reads a time Excel turned into a date serial', () => {
    const rows = logToRows(log.slice(0, 1));
    // 2025-01-03T09:00:00Z as an Excel serial.
    rows[1][1] = 45660 + 9 / 24;
    const read = rowsFromLog(rows);
    expect(read.ok && verifyLog(read.records)).toEqual({ ok: true });
  });

  it('reports a malformed row as bad', () => {
    const rows = logToRows(log);
    rows[3] = rows[3].map((v, c) => (c === LOG_HEADER.indexOf('hash') ? 'not a hash' : v));
    const read = rowsFromLog(rows);
    expect(read.ok).toBe(false);
    if (!read.ok) {
      expect(read.index).toBe(2);
      expect(read.reason.en).toContain('malformed');
    }
    const noSeq = logToRows(log);
    noSeq[2][0] = 'two';
    expect(rowsFromLog(noSeq)).toMatchObject({ ok: false, index: 1 });
    expect(rowsFromLog([['seq', 'when']])).toMatchObject({ ok: false, index: 0 });
  });

  it('records an audit: fields from the report, digest of the findings', () => {
    const report = auditWorkbook([withCell(appraisalGrid(), 1, 12, 108)]);
    const fields = auditLogFields(report, {
      when: '2025-03-03T09:00:00.000Z',
      who: null,
      workbook: 'a.xlsx',
    });
    expect(fields).toMatchObject({ who: '', rows: 4, errors: 1, mismatches: 1 });
    expect(fields.policyHash).toBe(report.policyHash);
    expect(fields.findingsDigest).toBe(findingsDigest([...report.findings].reverse()));
    expect(fields.findingsDigest).not.toBe(findingsDigest([]));
    const first = appendRecord(undefined, fields);
    expect(verifyLog([first])).toEqual({ ok: true });
  });
});
