/**
 * The page's side of a preview run (worker-rpc.ts): before its first write the worker asks
 * `may-write`, and the page answers from its own Cancel. Cancelled first: no. Not cancelled:
 * yes, and a Cancel after that is no longer sent (the run completes whole). Asked for a run
 * nobody waits for: no. A stand-in worker records what the page posts.
 */
import { WorkerRpc } from '../../src/preview/worker-rpc';
import type { FromWorker, ToWorker } from '../../src/preview/protocol';

function page() {
  const posted: ToWorker[] = [];
  const worker = {
    postMessage: (m: ToWorker) => posted.push(m),
    terminate: () => undefined,
    onmessage: null as null | ((e: { data: FromWorker }) => void),
    onerror: null,
  };
  const rpc = new WorkerRpc(worker as unknown as Worker);
  const fromWorker = (m: FromWorker) => worker.onmessage?.({ data: m });
  return { rpc, posted, fromWorker };
}

const answers = (posted: readonly ToWorker[]) =>
  posted.flatMap((m) => (m.kind === 'write-answer' ? [m.ok] : []));
const cancels = (posted: readonly ToWorker[]) => posted.filter((m) => m.kind === 'cancel').length;

function audit(rpc: WorkerRpc, signal: AbortSignal) {
  const outcome = rpc.run('audit', { who: 'auditor' }, 'Sheet1', signal, undefined);
  outcome.catch(() => undefined);
  return outcome;
}

describe('the page answers whether a preview run may write', () => {
  it('no, when Cancel came first', () => {
    const { rpc, posted, fromWorker } = page();
    const abort = new AbortController();
    void audit(rpc, abort.signal);
    abort.abort();
    expect(cancels(posted)).toBe(1);
    fromWorker({ kind: 'may-write', id: 1 });
    expect(answers(posted)).toEqual([false]);
  });

  it('yes, when it did not; a Cancel after that is not sent', async () => {
    const { rpc, posted, fromWorker } = page();
    const abort = new AbortController();
    const outcome = audit(rpc, abort.signal);
    fromWorker({ kind: 'may-write', id: 1 });
    expect(answers(posted)).toEqual([true]);
    abort.abort();
    expect(cancels(posted)).toBe(0);
    fromWorker({ kind: 'result', id: 1, value: 'summary' });
    await expect(outcome).resolves.toBe('summary');
  });

  it('no, for a run nobody waits for (closed, or an id it never started)', () => {
    const { posted, fromWorker } = page();
    fromWorker({ kind: 'may-write', id: 7 });
    expect(answers(posted)).toEqual([false]);
  });
});
