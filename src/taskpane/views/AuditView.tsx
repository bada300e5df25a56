/**
 * Audit (the audit and monitoring office): one button for recalculation, recomputation,
 * comparison, report sheet and log record; its summary; and a check of the log's hash chain.
 */
import {
  Body1,
  Button,
  makeStyles,
  mergeClasses,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { WorkbookHost } from '../../host/port';
import type { Policy } from '../../rules';
import type { KeyStore } from '../../signing/key-store';
import { CancelledNote, ErrorNote, RunProgress, useViewStyles } from '../components';
import { useStrings } from '../i18n';
import { useRun } from '../use-run';
import {
  runAudit,
  verifyLog,
  type AuditChannel,
  type AuditSummary,
  type LogCheck,
  type RibbonAudit,
} from '../workflows';
import { SigningKeyPanel, useSigningKey, type Signing } from './SigningKey';

const useStyles = makeStyles({
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  pair: { display: 'contents' },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, wordBreak: 'break-all' },
});

function Summary({
  summary,
  signable,
}: {
  readonly summary: AuditSummary;
  /** Whether this pane can sign (a record left unsigned here is worth a note). */
  readonly signable: boolean;
}) {
  const { t, lang } = useStrings();
  const styles = useStyles();
  const view = useViewStyles();
  const A = t.audit;
  const facts: [string, string | number, boolean?][] = [
    [A.workbook, summary.workbook],
    [A.when, summary.when],
    [A.who, summary.who || '—'],
    [A.tables, summary.tables],
    [A.rows, summary.rows],
    [A.mismatches, summary.mismatches],
    [A.stale, summary.stale],
    [A.errors, summary.errors],
    [A.warnings, summary.warnings],
    [A.policyVersion, summary.policyVersion, true],
    [A.reportSheet, summary.reportSheet],
    [A.logSheet, summary.logSheet],
  ];
  if (summary.record) {
    facts.push([A.recordSeq, summary.record.seq], [A.recordHash, summary.record.hash, true]);
  }
  const signedBy =
    summary.record && summary.record.signer !== '' && summary.signerName !== undefined
      ? summary.signerName
      : undefined;
  if (signedBy !== undefined)
    facts.push([t.signing.fingerprint, summary.record?.signer ?? '', true]);
  const clean = summary.mismatches === 0 && summary.errors === 0;
  return (
    <section className={view.section} aria-label={A.summaryHeading}>
      <Subtitle2 as="h3" className={view.heading}>
        {A.summaryHeading}
      </Subtitle2>
      <MessageBar intent={clean ? 'success' : 'warning'}>
        <MessageBarBody>{A.done(summary.mismatches, summary.errors)}</MessageBarBody>
      </MessageBar>
      {summary.logProblem && (
        <MessageBar intent="error">
          <MessageBarBody>{A.logNotAppended(summary.logProblem[lang])}</MessageBarBody>
        </MessageBar>
      )}
      {summary.record && signedBy === undefined && signable && (
        <MessageBar intent="warning">
          <MessageBarBody>{t.signing.unsignedRecord}</MessageBarBody>
        </MessageBar>
      )}
      {signedBy !== undefined && (
        <MessageBar intent="info">
          <MessageBarBody>{t.signing.signedBy(signedBy)}</MessageBarBody>
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

function LogVerdict({ check }: { readonly check: LogCheck }) {
  const { t, lang } = useStrings();
  if (check.ok) {
    return (
      <MessageBar intent={check.records === 0 ? 'info' : 'success'}>
        <MessageBarBody>
          {check.records === 0 ? t.audit.logEmpty : t.audit.logOk(check.records)}
        </MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <MessageBar intent="error">
      <MessageBarBody>{t.audit.logBad(check.record, check.reason[lang])}</MessageBarBody>
    </MessageBar>
  );
}

/**
 * The key an audit is signed with: the stored one; on first use, one created with the name
 * typed (or the signed-in user's); none where signing is unavailable or no name is known yet
 * (the record is then unsigned, and the summary says so).
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
}: {
  readonly host: WorkbookHost;
  readonly policy: Policy;
  readonly channel?: AuditChannel;
  readonly keyStore?: KeyStore;
}) {
  const { t, lang } = useStrings();
  const view = useViewStyles();
  const signing = useSigningKey(keyStore);
  const [name, setName] = useState('');
  useEffect(() => {
    let live = true;
    // The signed-in user's name, where the host knows it, as the first guess for a new key.
    void host.userName().then(
      (n) => live && n && setName((old) => old || n),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [host]);
  const run = useRun<AuditSummary>();
  const verify = useRun<LogCheck>();
  const [ribbon, setRibbon] = useState<RibbonAudit | undefined>(() => channel?.latest());
  // Whichever came last is shown: this view's own run or the ribbon's.
  const [lastFrom, setLastFrom] = useState<'pane' | 'ribbon'>(ribbon ? 'ribbon' : 'pane');

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
      <div className={view.row}>
        <Button
          appearance="primary"
          disabled={running}
          onClick={() => {
            setLastFrom('pane');
            void run.start(async (options) => {
              const key = await signingKey(signing, name);
              return runAudit(host, { ...options, lang, policy, ...(key ? { key } : {}) });
            });
          }}
        >
          {running ? t.audit.running : t.audit.run}
        </Button>
        <Button
          disabled={verify.state.status === 'running'}
          onClick={() => void verify.start(() => verifyLog(host))}
        >
          {verify.state.status === 'running' ? t.audit.verifying : t.audit.verify}
        </Button>
      </div>
      <SigningKeyPanel signing={signing} name={name} onName={setName} />
      {run.state.status === 'running' && (
        <RunProgress progress={run.state.progress} label={t.audit.running} onCancel={run.cancel} />
      )}
      {!fromRibbon && run.state.status === 'cancelled' && <CancelledNote />}
      {!fromRibbon && run.state.status === 'error' && <ErrorNote error={run.state.error} />}
      <div aria-live="polite">
        {verify.state.status === 'done' && <LogVerdict check={verify.state.value} />}
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
