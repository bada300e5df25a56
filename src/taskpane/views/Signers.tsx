/**
 * Verify log's signer of each record (SHEETS.md "Audit log integrity"): signed by a trusted
 * auditor (by name), by an unknown key, unsigned, or a bad signature; then the anchor's. Judged
 * against the trust list deployed with the add-in, or only reported when there is none.
 */
import {
  makeStyles,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  tokens,
} from '@fluentui/react-components';
import type { SignatureReport } from '../../sheets/log-signatures';
import { shortFingerprint, type SignerStatus } from '../../signing';
import { useFactStyles, useViewStyles } from '../components';
import { useStrings, type Strings } from '../i18n';
import type { DeployedTrust } from '../workflows/trust';

// The list itself is the pane's fact list (useFactStyles); a value shows its signer's state.
const useStyles = makeStyles({
  ok: { margin: 0, color: tokens.colorPaletteGreenForeground1, wordBreak: 'break-word' },
  bad: { margin: 0, color: tokens.colorPaletteRedForeground1, wordBreak: 'break-word' },
  plain: { margin: 0, wordBreak: 'break-word' },
});

export function statusLabel(s: SignerStatus, t: Strings): string {
  const T = t.signing.status;
  switch (s.kind) {
    case 'trusted':
      return T.trusted(s.name);
    case 'unknown':
      return T.unknown(shortFingerprint(s.fingerprint));
    case 'unsigned':
      return T.unsigned;
    case 'bad':
      return T.bad(s.name);
    case 'unverified':
      return T.unverified(shortFingerprint(s.fingerprint));
  }
}

export function Signers({
  report,
  records,
  trust,
}: {
  readonly report: SignatureReport;
  /** Position and sequence number of each record, in log order. */
  readonly records: readonly { readonly n: number; readonly seq: number }[];
  readonly trust: DeployedTrust;
}) {
  const { t, lang } = useStrings();
  const S = t.signing;
  const view = useViewStyles();
  const styles = useStyles();
  const facts = useFactStyles();
  const tone = (s: SignerStatus) =>
    s.kind === 'trusted'
      ? styles.ok
      : report.judged || s.kind === 'bad'
        ? styles.bad
        : styles.plain;
  return (
    <section className={view.section} aria-label={S.signersHeading}>
      <Subtitle2 as="h4" className={view.heading}>
        {S.signersHeading}
      </Subtitle2>
      {trust.kind === 'none' && <div className={view.muted}>{S.trustNone}</div>}
      {trust.kind === 'loaded' && <div className={view.muted}>{S.trustLoaded(trust.count)}</div>}
      {report.judged && (
        <MessageBar intent={report.ok ? 'success' : 'error'}>
          <MessageBarBody>
            {report.ok ? S.signaturesOk(records.length) : S.signaturesBad(report.problems.length)}
            {!report.ok && (
              <ul>
                {report.problems.map((p, i) => (
                  <li key={i}>{p[lang]}</li>
                ))}
              </ul>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
      <dl className={facts.facts} data-testid="signers">
        {report.records.map((s, i) => (
          <div key={i} className={facts.pair}>
            <dt className={facts.term}>{S.record(records[i].n, records[i].seq)}</dt>
            <dd className={tone(s)}>{statusLabel(s, t)}</dd>
          </div>
        ))}
        {report.anchor && (
          <div className={facts.pair}>
            <dt className={facts.term}>{S.anchor}</dt>
            <dd className={tone(report.anchor)}>{statusLabel(report.anchor, t)}</dd>
          </div>
        )}
      </dl>
    </section>
  );
}
