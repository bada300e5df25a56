/**
 * Small pieces the views share: the progress bar with its Cancel button, the error and
 * cancelled notes, and the pane's common styles (Fluent tokens only).
 */
import {
  Button,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  tokens,
} from '@fluentui/react-components';
import { useStrings } from './i18n';
import { isWritePhase, readableError, type Progress } from './workflows';

/** A list of terms and their values (`<dl>`): the audit's summary, the signing key's facts. */
export const useFactStyles = makeStyles({
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

export const useViewStyles = makeStyles({
  view: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
    paddingTop: tokens.spacingVerticalM,
    paddingBottom: tokens.spacingVerticalL,
  },
  row: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
  },
  muted: { color: tokens.colorNeutralForeground3 },
  mono: { fontFamily: tokens.fontFamilyMonospace, wordBreak: 'break-all' },
  /** Table cells that wrap anywhere rather than push the pane wider (320 px). */
  wrap: { overflowWrap: 'anywhere', minWidth: 0 },
  /** A table that fits the pane: fixed layout, its cells wrap. */
  table: { tableLayout: 'fixed', width: '100%' },
  section: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
  },
  heading: { margin: 0 },
});

export function RunProgress({
  progress,
  label,
  onCancel,
}: {
  readonly progress?: Progress;
  readonly label: string;
  readonly onCancel?: () => void;
}) {
  const { t } = useStrings();
  const styles = useViewStyles();
  // A run writing to the workbook goes on to its end (use-run.ts): Cancel would do nothing.
  const writing = progress !== undefined && isWritePhase(progress.phase);
  const text = progress?.sheet
    ? t.common.readingSheet(progress.sheet)
    : progress
      ? t.common.phases[progress.phase]
      : label;
  return (
    <div className={styles.section}>
      <Field label={t.common.progress}>
        <ProgressBar
          {...(progress?.fraction !== undefined ? { value: progress.fraction, max: 1 } : {})}
          thickness="large"
        />
      </Field>
      <div role="status" aria-live="polite" className={styles.muted}>
        {text}
      </div>
      {onCancel && (
        <div className={styles.row}>
          <Button onClick={onCancel} disabled={writing}>
            {t.common.cancel}
          </Button>
        </div>
      )}
      {onCancel && writing && <div className={styles.muted}>{t.common.writingNoCancel}</div>}
    </div>
  );
}

export function ErrorNote({ error }: { readonly error: unknown }) {
  const { t, lang } = useStrings();
  return (
    <MessageBar intent="error" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{t.common.errorTitle}</MessageBarTitle>
        {readableError(error, lang)}
      </MessageBarBody>
    </MessageBar>
  );
}

export function CancelledNote() {
  const { t } = useStrings();
  return (
    <MessageBar intent="info">
      <MessageBarBody>{t.common.cancelled}</MessageBarBody>
    </MessageBar>
  );
}
