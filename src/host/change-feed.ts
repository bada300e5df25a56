/**
 * The preview hosts' changes, as React's useSyncExternalStore reads them: listeners told of each
 * change, and a version that grows with every one. Used by the in-page host (local-host.ts) and
 * the worker-backed one (src/preview/worker-host.ts).
 */
export class ChangeFeed<T> {
  private readonly listeners = new Set<(change: T) => void>();
  private changes = 0;

  /** Called after every change; returns a function that stops listening. */
  subscribe(listener: (change: T) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** Grows by one with every change (a snapshot key for React's useSyncExternalStore). */
  get version(): number {
    return this.changes;
  }

  emit(change: T): void {
    this.changes++;
    for (const listener of [...this.listeners]) listener(change);
  }
}
