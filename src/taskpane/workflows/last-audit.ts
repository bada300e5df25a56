/**
 * The latest ribbon audit's result, for the task pane to show after the ribbon's Audit button
 * ran. The ribbon command and the task pane share one runtime (manifest: shared runtime), so
 * this module exists once on the page and both see the same value.
 */
import type { AuditSummary } from './audit';

export type RibbonAudit =
  | { readonly ok: true; readonly summary: AuditSummary }
  | { readonly ok: false; readonly message: string };

type Listener = (result: RibbonAudit) => void;

export interface AuditChannel {
  latest(): RibbonAudit | undefined;
  publish(result: RibbonAudit): void;
  /** Returns the function that unsubscribes. */
  subscribe(listener: Listener): () => void;
}

export function createAuditChannel(): AuditChannel {
  let last: RibbonAudit | undefined;
  const listeners = new Set<Listener>();
  return {
    latest: () => last,
    publish(result) {
      last = result;
      for (const l of listeners) l(result);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}

/** The page's channel. */
export const lastAudit: AuditChannel = createAuditChannel();
