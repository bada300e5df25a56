/**
 * The ribbon's Audit button, without Office globals so tests can drive it: run the one audit
 * workflow the task pane runs too, tell the user the result, and ALWAYS complete the event
 * (Excel keeps the button busy until it is completed).
 */
import type { WorkbookHost } from '../host/port';
import type { Lang, Policy } from '../rules';
import { readableError, runAudit, type AuditSummary } from '../taskpane/workflows';

export interface AuditNotifier {
  done(summary: AuditSummary): Promise<void> | void;
  failed(message: string): Promise<void> | void;
}

export interface AuditCommandDeps {
  /** Made inside the try, so even a host that cannot be created completes the event. */
  readonly host: () => WorkbookHost;
  readonly notify: AuditNotifier;
  readonly lang: Lang;
  readonly now?: () => Date;
  /** The auditor's name the task pane remembered; without one the audit is refused. */
  readonly who?: () => string;
  /** The active policy (the deployed file); throws a readable error when it is refused. */
  readonly policy?: () => Promise<Policy>;
}

export async function auditCommand(
  event: { completed(): void },
  deps: AuditCommandDeps,
): Promise<void> {
  try {
    const who = deps.who?.();
    const policy = deps.policy ? await deps.policy() : undefined;
    const summary = await runAudit(deps.host(), {
      lang: deps.lang,
      ...(who ? { who } : {}),
      ...(policy ? { policy } : {}),
      ...(deps.now ? { now: deps.now } : {}),
    });
    await deps.notify.done(summary);
  } catch (e) {
    try {
      await deps.notify.failed(readableError(e, deps.lang));
    } catch {
      // Nothing left to tell the user with; the event is still completed below.
    }
  } finally {
    event.completed();
  }
}
