/**
 * Audit (the audit and monitoring office): one button for recalculation, recomputation,
 * comparison, report sheet and log record; its summary; and a check of the log's hash chain.
 */
import {
  Body1,
  Button,
  Field,
  Input,
  mergeClasses,
  MessageBar,
  MessageBarBody,
  Subtitle2,
} from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import type { WorkbookHost } from '../../host/port';
import { displayTime } from '../../sheets';
import type { Policy } from '../../rules';
import type { KeyStore } from '../../signing/key-store';
import { loadAuditor, saveAuditor } from '../auditor';
import { CancelledNote, ErrorNote, RunProgress, useFactStyles, useViewStyles } from '../components';
import { useStrings } from '../i18n';
import { useRun } from '../use-run';
import {
  IN_PAGE,
  verifyLog,
  type PaneWorkflows,
  type AuditChannel,
  type AuditSummary,
  type LogCheck,
  type RibbonAudit,
} from '../workflows';
import { loadDeployedTrust, type DeployedTrust } from '../workflows/trust';
import { Signers } from './Signers';
import { SigningKeyPanel, useSigningKey, type Signing } from './SigningKey';

function Summary({
  summary,
  signable,
}: {
  readonly summary: AuditSummary;
  /** Whether this pane can sign (a record left unsigned here is worth a note). */
  readonly signable: boolean;
}) {
  const { t, lang } = useStrings();
  const styles = useFactStyles();
  const view = useViewStyles();
  const A = t.audit;
  const facts: [string, string | number, boolean?][] = [
    [A.workbook, summary.workbook],
    [A.when, displayTime(summary.when)],
    [A.who, summary.who],
    [A.tables, summary.tables],
    [A.rows, summary.rows],
    [A.mismatches, summary.mismatches],
    [A.reportedMismatches, summary.reportedMismatches],
    [A.stale, summary.stale],
    [A.errors, summary.errors],
    [A.warnings, summary.warnings],
    ...(summary.busy > 0 ? ([[A.busy, summary.busy]] as [string, number][]) : []),
    [A.policyVersion, summary.policyVersion, true],
    [A.reportSheet, summary.reportSheet],
    [A.logSheet, summary.logSheet],
  ];
  if (summary.record) {
    facts.push([A.recordSeq, summary.record.seq], [A.recordHash, summary.record.hash, true]);
  }
  const signedBy = summary.record?.signer ? summary.signerName : undefined;
  if (signedBy !== undefined && summary.record) {
    facts.push([t.signing.fingerprint, summary.record.signer, true]);
  }
  const clean = summary.mismatches === 0 && summary.errors === 0;
  // Focus lands on the summary when it appears (after Audit), not on the page's body.
  const ref = useRef<HTMLElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <section className={view.section} aria-label={A.summaryHeading} tabIndex={-1} ref={ref}>
      <Subtitle2 as="h3" className={view.heading}>
        {A.summaryHeading}
      </Subtitle2>
      <MessageBar intent={clean ? 'success' : 'warning'}>
        <MessageBarBody>{A.done(summary.mismatches, summary.errors)}</MessageBarBody>
      </MessageBar>
      <Body1>{A.compared}</Body1>
      {summary.logNote && (
        <MessageBar intent="warning">
          <MessageBarBody>{A.logNote(summary.logNote[lang])}</MessageBarBody>
        </MessageBar>
      )}
      {signedBy !== undefined && (
        <MessageBar intent="info">
          <MessageBarBody>{t.signing.signedBy(signedBy)}</MessageBarBody>
        </MessageBar>
      )}
      {summary.record && signedBy === undefined && signable && (
        <MessageBar intent="warning">
          <MessageBarBody>{t.signing.unsignedRecord}</MessageBarBody>
        </MessageBar>
      )}
      {summary.logProblem && (
        <MessageBar intent="error">
          <MessageBarBody>{A.logNotAppended(summary.logProblem[lang])}</MessageBarBody>
        </MessageBar>
      )}
      <dl className={styles.facts}>
        {facts.map(([term, value, mono]) => (
          <div key={term} className={styles.pair}>
            <dt className={styles.term}>{term}</dt>
            <dd className={mono ? mergeClasses(styles.value, view.mono) : styles.value}>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/** Verify log's result: the chain's verdict, then the signer of each record. */
interface Verified {
  readonly check: LogCheck;
  readonly trust: DeployedTrust;
}

function LogVerdict({ verified }: { readonly verified: Verified }) {
  const { check, trust } = verified;
  const signers =
    check.signers.records.length > 0 || check.signers.report.anchor ? (
      <Signers report={check.signers.report} records={check.signers.records} trust={trust} />
    ) : null;
  return (
    <>
      <ChainVerdict check={check} />
      {signers}
    </>
  );
}

function ChainVerdict({ check }: { readonly check: LogCheck }) {
  const { t, lang } = useStrings();
  if (check.ok) {
    return (
      <>
        <MessageBar intent={check.records === 0 ? 'info' : 'success'}>
          <MessageBarBody>
            {check.records === 0 ? t.audit.logEmpty : t.audit.logOk(check.records)}
          </MessageBarBody>
        </MessageBar>
        {check.note && (
          <MessageBar intent="warning">
            <MessageBarBody>{t.audit.logNote(check.note[lang])}</MessageBarBody>
          </MessageBar>
        )}
      </>
    );
  }
  return (
    <MessageBar intent="error">
      <MessageBarBody>{t.audit.logBad(check.record, check.reason[lang])}</MessageBarBody>
    </MessageBar>
  );
}

/**
 * The key an audit is signed with: the stored one, or on first use one created with the
 * auditor's name; none where signing is unavailable (the record is then unsigned, and the
 * summary says so).
 */
async function signingKey(signing: Signing, name: string) {
  const s = signing.state;
  if (s.status === 'ready') return s.key;
  if (s.status === 'none' && name.trim() !== '') return signing.keyFor(name);
  return undefined;
}

export function AuditView({
  host,
  policy,
  channel,
  keyStore,
  loadTrust = loadDeployedTrust,
  workflows = IN_PAGE,
}: {
  readonly host: WorkbookHost;
  readonly policy: Policy;
  readonly channel?: AuditChannel;
  /** Where the auditor's signing key is kept; none: audits are recorded unsigned. */
  readonly keyStore?: KeyStore;
  /** The trust list deployed beside the add-in (trust.json), fetched on each run. */
  readonly loadTrust?: () => Promise<DeployedTrust>;
  /** Where the audit runs (App's `workflows`). */
  readonly workflows?: PaneWorkflows;
}) {
  const { t, lang } = useStrings();
  const view = useViewStyles();
  const run = useRun<AuditSummary>();
  const verify = useRun<Verified>();
  const signing = useSigningKey(keyStore);
  // A deployed list that cannot be used stops the run with its reason; never judged as "none".
  const trustList = async (): Promise<DeployedTrust> => {
    const trust = await loadTrust();
    if (trust.kind === 'bad') throw new Error(t.signing.trustBad(trust.reason[lang]));
    return trust;
  };
  const [ribbon, setRibbon] = useState<RibbonAudit | undefined>(() => channel?.latest());
  // Whichever came last is shown: this view's own run or the ribbon's.
  const [lastFrom, setLastFrom] = useState<'pane' | 'ribbon'>(ribbon ? 'ribbon' : 'pane');
  // Asked once, remembered on this machine, changeable; never an empty `who` in the log.
  const [auditor, setAuditor] = useState<string>(() => loadAuditor());
  const [auditorMissing, setAuditorMissing] = useState(false);

  useEffect(
    () =>
      channel?.subscribe((r) => {
        setRibbon(r);
        setLastFrom('ribbon');
      }),
    [channel],
  );

  const running = run.state.status === 'running';
  const local = run.state.status === 'done' ? run.state.value : undefined;
  const fromRibbon = lastFrom === 'ribbon' ? ribbon : undefined;
  const shown = fromRibbon ? (fromRibbon.ok ? fromRibbon.summary : undefined) : local;

  return (
    <div className={view.view}>
      <Body1>{t.audit.intro}</Body1>
      <Field
        label={t.audit.auditor}
        hint={t.audit.auditorHint}
        required
        {...(auditorMissing
          ? { validationState: 'error' as const, validationMessage: t.audit.auditorMissing }
          : {})}
      >
        <Input
          value={auditor}
          autoComplete="name"
          onChange={(_, data) => {
            setAuditor(data.value);
            if (data.value.trim() !== '') setAuditorMissing(false);
          }}
        />
      </Field>
      <div className={view.row}>
        <Button
          appearance="primary"
          disabled={running}
          onClick={() => {
            const who = auditor.trim();
            if (who === '') {
              setAuditorMissing(true);
              return;
            }
            saveAuditor(who);
            setLastFrom('pane');
            void run.start(async (options) => {
              const [key, trust] = await Promise.all([signingKey(signing, who), trustList()]);
              return workflows.audit(host, {
                ...options,
                lang,
                policy,
                who,
                ...(key ? { key } : {}),
                ...(trust.kind === 'loaded' ? { trust: trust.list } : {}),
              });
            });
          }}
        >
          {running ? t.audit.running : t.audit.run}
        </Button>
        <Button
          disabled={verify.state.status === 'running'}
          onClick={() =>
            void verify.start(async () => {
              const trust = await trustList();
              const check = await verifyLog(host, trust.kind === 'loaded' ? trust.list : undefined);
              return { check, trust };
            })
          }
        >
          {verify.state.status === 'running' ? t.audit.verifying : t.audit.verify}
        </Button>
      </div>
      <SigningKeyPanel signing={signing} name={auditor} />
      {run.state.status === 'running' && (
        <RunProgress progress={run.state.progress} label={t.audit.running} onCancel={run.cancel} />
      )}
      {!fromRibbon && run.state.status === 'cancelled' && <CancelledNote />}
      {!fromRibbon && run.state.status === 'error' && <ErrorNote error={run.state.error} />}
      <div aria-live="polite">
        {verify.state.status === 'done' && <LogVerdict verified={verify.state.value} />}
        {verify.state.status === 'error' && <ErrorNote error={verify.state.error} />}
      </div>
      <div aria-live="polite">
        {fromRibbon && <Body1 className={view.muted}>{t.audit.fromRibbon}</Body1>}
        {fromRibbon && !fromRibbon.ok && <ErrorNote error={fromRibbon.message} />}
        {shown && <Summary summary={shown} signable={signing.state.status !== 'unavailable'} />}
      </div>
    </div>
  );
}
