/**
 * The page's side of the engine worker's messages (protocol.ts): one request, one answer by
 * id; a validate or audit run reports progress and is cancelled by its AbortSignal; the
 * worker's change announcements go to `onEvent`.
 */
import { CancelledError, type ProgressFn } from '../taskpane/workflows/progress';
import type { Policy } from '../rules';
import type {
  CallName,
  Calls,
  FromWorker,
  RunResults,
  ToWorker,
  WireAuditRequest,
  WireValidateRequest,
} from './protocol';
import { fromWire } from './wire-error';

interface Pending {
  resolve(value: unknown): void;
  reject(error: unknown): void;
  onProgress?: ProgressFn;
  /** A run's answer to `may-write`: true when it may write (and then can no longer be cancelled). */
  mayWrite?: () => boolean;
}

type WorkerEvent = Extract<FromWorker, { kind: 'changed' | 'edited' }>;

/** The bytes' own buffer when they fill it (then transferred), else a copy. */
function transferable(bytes: Uint8Array): Uint8Array {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength
    ? bytes
    : bytes.slice();
}

export class WorkerRpc {
  private next = 1;
  private readonly pending = new Map<number, Pending>();
  private closed: Error | undefined;
  onEvent: (event: WorkerEvent) => void = () => undefined;

  constructor(private readonly worker: Worker) {
    worker.onmessage = (e: MessageEvent<FromWorker>) => this.receive(e.data);
    worker.onerror = (e: ErrorEvent) => {
      e.preventDefault();
      this.fail(new Error(`The preview's engine stopped: ${e.message || 'it could not start'}.`));
    };
  }

  private receive(m: FromWorker): void {
    if (m.kind === 'changed' || m.kind === 'edited') {
      this.onEvent(m);
      return;
    }
    const p = this.pending.get(m.id);
    if (m.kind === 'may-write') {
      // Always answered, so the run never waits: a run nobody waits for any more writes nothing.
      const ok = p?.mayWrite?.() ?? false;
      if (!this.closed)
        this.worker.postMessage({ kind: 'write-answer', id: m.id, ok } satisfies ToWorker);
      return;
    }
    if (!p) return;
    if (m.kind === 'progress') {
      p.onProgress?.(m.progress);
      return;
    }
    this.pending.delete(m.id);
    if (m.kind === 'result') p.resolve(m.value);
    else p.reject(fromWire(m.error));
  }

  private fail(error: Error): void {
    this.closed ??= error;
    for (const p of this.pending.values()) p.reject(error);
    this.pending.clear();
  }

  private send(message: ToWorker, pending: Pending, transfer: Transferable[] = []): void {
    if (this.closed) {
      pending.reject(this.closed);
      return;
    }
    this.pending.set(message.id, pending);
    this.worker.postMessage(message, transfer);
  }

  /** Reads the workbook in the worker; resolves with its sheet names. */
  open(bytes: Uint8Array, name: string, policy?: Policy): Promise<string[]> {
    const data = transferable(bytes);
    return new Promise((resolve, reject) =>
      this.send(
        { kind: 'open', id: this.next++, bytes: data, name, ...(policy ? { policy } : {}) },
        { resolve: resolve as (v: unknown) => void, reject },
        [data.buffer as ArrayBuffer],
      ),
    );
  }

  call<K extends CallName>(method: K, ...args: Parameters<Calls[K]>): ReturnType<Calls[K]> {
    return new Promise((resolve, reject) =>
      this.send({ kind: 'call', id: this.next++, method, args }, { resolve, reject }),
    ) as ReturnType<Calls[K]>;
  }

  /** A validate or audit run in the worker; `signal` cancels it there. */
  run<K extends keyof RunResults>(
    kind: K,
    request: K extends 'validate' ? WireValidateRequest : WireAuditRequest,
    active: string,
    signal: AbortSignal | undefined,
    onProgress: ProgressFn | undefined,
  ): Promise<RunResults[K]> {
    if (signal?.aborted) return Promise.reject(new CancelledError());
    const id = this.next++;
    const cancel = () => {
      if (!this.closed) this.worker.postMessage({ kind: 'cancel', id } satisfies ToWorker);
    };
    return new Promise<RunResults[K]>((resolve, reject) => {
      signal?.addEventListener('abort', cancel, { once: true });
      const done = () => signal?.removeEventListener('abort', cancel);
      this.send({ kind, id, request, active } as ToWorker, {
        resolve: (v) => {
          done();
          resolve(v as RunResults[K]);
        },
        reject: (e) => {
          done();
          reject(e);
        },
        ...(onProgress ? { onProgress } : {}),
        // Answered here, on the page's thread, where Cancel happens: not cancelled by now, the
        // run writes, and a later Cancel is no longer sent (it could not stop the writing).
        mayWrite: () => {
          if (signal?.aborted) return false;
          done();
          return true;
        },
      });
    });
  }

  /** Stops the worker; what is still waiting fails. */
  close(): void {
    this.fail(new Error('The workbook was closed.'));
    this.worker.terminate();
  }
}
