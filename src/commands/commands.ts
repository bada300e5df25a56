/**
 * Ribbon commands (manifest: ExecuteFunction `runAudit`). The audit is the task pane's own
 * workflow; the result goes to the report sheet, which is activated, and to the task pane,
 * which is shown (shared runtime) with the summary or the failure.
 */
import { OfficeHost } from '../host/office-host';
import { startDeployedPolicy } from '../policy/deployed';
import { problemLine } from '../policy/load';
import type { Policy } from '../rules';
import { defaultKeyStore, keyFor } from '../signing/key-store';
import { loadAuditor } from '../taskpane/auditor';
import { langOf } from '../taskpane/i18n/lang';
import { lastAudit } from '../taskpane/workflows';
import { loadDeployedTrust } from '../taskpane/workflows/trust';
import { auditCommand, type AuditNotifier } from './audit-command';

/**
 * Show the task pane (Office.addin.showAsTaskpane, SharedRuntime 1.1, which the manifest
 * requires); never fail the command over it.
 */
async function showPane(): Promise<void> {
  try {
    await Office.addin.showAsTaskpane();
  } catch {
    // The pane could not be shown (e.g. Office is closing it): the report sheet is activated.
  }
}

/** The deployed policy; a refused file stops the audit with its problems (no fallback). */
async function activePolicy(): Promise<Policy> {
  const state = await startDeployedPolicy();
  if (state.kind !== 'refused') return state.policy;
  const lang = langOf(Office.context?.displayLanguage);
  throw new Error(
    `${lang === 'zh' ? '办法文件未被采用' : 'The policy file is refused'} (${state.url}): ${state.problems
      .map((p) => problemLine(p, lang))
      .join('; ')}`,
  );
}

function officeNotifier(host: OfficeHost): AuditNotifier {
  return {
    async done(summary) {
      lastAudit.publish({ ok: true, summary });
      await host.selectCell(summary.reportSheet, 'A1').catch(() => undefined);
      await showPane();
    },
    async failed(message) {
      lastAudit.publish({ ok: false, message });
      await showPane();
    },
  };
}

Office.onReady(() => {
  Office.actions.associate('runAudit', (event: Office.AddinCommands.Event) => {
    const host = new OfficeHost();
    void auditCommand(event, {
      host: () => host,
      notify: officeNotifier(host),
      lang: langOf(Office.context?.displayLanguage),
      who: loadAuditor,
      policy: activePolicy,
      // The pane's key (IndexedDB of the add-in's origin, shared runtime), made on first use.
      key: async (who) => {
        const store = defaultKeyStore();
        return store ? keyFor(store, who) : undefined;
      },
      trust: () => loadDeployedTrust(),
    });
  });
});
