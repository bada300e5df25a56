/**
 * Cancel inside the preview's engine worker (issue 14): the page's Cancel reaches the worker as
 * a message, taken in only between tasks. RunHost pauses before each port call so it is, and
 * keeps the task pane's rule: cancelled before the first write, nothing is written (no report
 * sheet, no log record, no anchor); once writing has started, the audit completes whole.
 * Here the Cancel arrives as the worker gets it: in a later task (setTimeout), at every point
 * the audit reports progress.
 */
import { join } from 'node:path';
import { loadWorkbook } from '../../src/engine';
import { LocalHost } from '../../src/host/local-host';
import { RunHost } from '../../src/preview/run-host';
import { isCancelled, runAudit, validateActive, type Progress } from '../../src/taskpane/workflows';
import { LOG_HEAD_KEY } from '../../src/taskpane/workflows/names';

const SAMPLE = join(__dirname, '..', '..', 'examples', 'appraisal-sample.xlsx');

async function sample(): Promise<LocalHost> {
  return new LocalHost(await loadWorkbook(SAMPLE), { name: 'appraisal-sample.xlsx' });
}

/** An audit through RunHost whose Cancel arrives in the task after progress report `k`. */
async function cancelAt(k: number) {
  const local = await sample();
  const sheetsBefore = local.workbook.sheetNames();
  const abort = new AbortController();
  let n = 0;
  const outcome = await runAudit(new RunHost(local, abort.signal), {
    who: 'auditor',
    signal: abort.signal,
    onProgress: () => {
      if (n++ === k) setTimeout(() => abort.abort(), 0);
    },
  }).then(
    () => 'finished' as const,
    (e: unknown) => (isCancelled(e) ? ('cancelled' as const) : e),
  );
  const added = local.workbook.sheetNames().filter((s) => !sheetsBefore.includes(s));
  return { local, outcome, added, anchor: await local.readSetting(LOG_HEAD_KEY) };
}

describe('Cancel during an audit in the preview’s worker', () => {
  let phases: Progress[];
  beforeAll(async () => {
    phases = [];
    const local = await sample();
    await runAudit(new RunHost(local, new AbortController().signal), {
      who: 'auditor',
      onProgress: (p) => phases.push(p),
    });
  }, 60_000);

  // The audit says 'write' just before it writes the report, then 'log' after it.
  it('until the report is written: stopped with nothing written (no report, record or anchor)', async () => {
    const writing = phases.findIndex((p) => p.phase === 'write');
    expect(writing).toBeGreaterThan(1);
    for (let k = 0; k <= writing; k++) {
      const { outcome, added, anchor } = await cancelAt(k);
      expect([k, outcome, added, anchor]).toEqual([k, 'cancelled', [], null]);
    }
  }, 120_000);

  it('once the report is written: completes whole (report, one record, its anchor)', async () => {
    const written = phases.findIndex((p) => p.phase === 'log');
    expect(written).toBeGreaterThan(phases.findIndex((p) => p.phase === 'write'));
    for (let k = written; k < phases.length; k++) {
      const { local, outcome, added, anchor } = await cancelAt(k);
      expect([k, outcome, added.length]).toEqual([k, 'finished', 2]);
      expect(anchor).not.toBeNull();
      const log = added.find((s) => local.isProtected(s)) as string;
      expect((await local.readLog(log)).length).toBe(2); // header and one record
    }
  }, 120_000);

  it('a Cancel that arrives while the worker is busy stops the next call; validate too', async () => {
    const local = await sample();
    const abort = new AbortController();
    setTimeout(() => abort.abort(), 0);
    await expect(
      validateActive(new RunHost(local, abort.signal), { signal: abort.signal }),
    ).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('the page decides whether a run may write', () => {
  // The page's Cancel reaches the worker as a message; a worker may take in its timers before
  // a message already sent. So before the first write the worker asks the page (`may-write`).
  async function auditAsking(answer: boolean, abortAfterAnswer = false) {
    const local = await sample();
    const before = local.workbook.sheetNames();
    const abort = new AbortController();
    const asked: number[] = [];
    const outcome = await runAudit(
      new RunHost(local, abort.signal, undefined, async () => {
        asked.push(asked.length + 1);
        if (abortAfterAnswer) setTimeout(() => abort.abort(), 0);
        return answer;
      }),
      { who: 'auditor', signal: abort.signal },
    ).then(
      () => 'finished' as const,
      (e: unknown) => (isCancelled(e) ? ('cancelled' as const) : e),
    );
    const added = local.workbook.sheetNames().filter((s) => !before.includes(s));
    return { outcome, added, asked, anchor: await local.readSetting(LOG_HEAD_KEY) };
  }

  it('cancelled on the page first: nothing is written, though the worker never saw the Cancel', async () => {
    const r = await auditAsking(false);
    expect(r).toEqual({ outcome: 'cancelled', added: [], asked: [1], anchor: null });
  });

  it('allowed to write: the run completes whole, asked once, whatever Cancel comes after', async () => {
    const r = await auditAsking(true, true);
    expect(r.outcome).toBe('finished');
    expect(r.added).toHaveLength(2);
    expect(r.asked).toEqual([1]);
    expect(r.anchor).not.toBeNull();
  });
});
