/**
 * The ribbon's Audit button, without Office globals so tests can drive it: run the one audit
 * workflow the task pane runs too, tell the user the result, and ALWAYS complete the event
 * (Excel keeps the button busy until it is completed).
 */
import type { WorkbookHost } from '../host/port';
import type { Lang, Policy } from '../rules';
import type { SigningKey } from '../signing';
import { en } from '../taskpane/i18n/en';
import { zh } from '../taskpane/i18n/zh';
import { readableError, runAudit, type AuditSummary } from '../taskpane/workflows';
import type { DeployedTrust } from '../taskpane/workflows/trust';

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
  /** The auditor's signing key, as the task pane signs with it (SHEETS.md "Audit log integrity"). */
  readonly key?: (who: string) => Promise<SigningKey | undefined>;
  /** The trust list deployed beside the add-in; one that cannot be used stops the audit. */
  readonly trust?: () => Promise<DeployedTrust>;
}

export async function auditCommand(
  event: { completed(): void },
  deps: AuditCommandDeps,
): Promise<void> {
  try {
    const who = deps.who?.();
    const policy = deps.policy ? await deps.policy() : undefined;
    // The same signing and trust as the pane's Run audit: a ribbon audit is never the weaker one.
    const trust = deps.trust ? await deps.trust() : undefined;
    if (trust?.kind === 'bad') {
      throw new Error(
        (deps.lang === 'zh' ? zh : en).signing.trustBad(
          trust.reason[deps.lang === 'zh' ? 'zh' : 'en'],
        ),
      );
    }
    const key = who && deps.key ? await deps.key(who) : undefined;
    const summary = await runAudit(deps.host(), {
      lang: deps.lang,
      ...(who ? { who } : {}),
      ...(policy ? { policy } : {}),
      ...(key ? { key } : {}),
      ...(trust?.kind === 'loaded' ? { trust: trust.list } : {}),
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
