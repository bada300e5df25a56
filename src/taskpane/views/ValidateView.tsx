/**
 * Validate (the marketing department): the whole workbook by default, or the active sheet or a
 * chosen Excel Table; findings grouped by severity then rule, each going to its cell on click;
 * highlights on and off. After a run, focus lands on the result summary (WAI-ARIA: a result
 * the user asked for is announced and reachable); an edit in the workbook afterwards marks the
 * findings as out of date.
 */
import {
  Button,
  Caption1,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Select,
  Subtitle2,
  Switch,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { TableInfo, WorkbookHost } from '../../host/port';
import { articleText, type Policy } from '../../rules';
import { FINDING_RULES, type Finding, type Severity } from '../../sheets/findings';
import { CancelledNote, ErrorNote, RunProgress, useViewStyles } from '../components';
import { useStrings } from '../i18n';
import { useRun } from '../use-run';
import {
  applyMarks,
  clearMarks,
  IN_PAGE,
  type PaneWorkflows,
  type ValidateResult,
  type ValidateScope,
} from '../workflows';

const useStyles = makeStyles({
  group: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
    paddingLeft: 0,
    listStyleType: 'none',
  },
  finding: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    textAlign: 'start',
    width: '100%',
    height: 'auto',
    paddingTop: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalXS,
    fontWeight: tokens.fontWeightRegular,
  },
  address: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  message: { overflowWrap: 'anywhere' },
  summary: { outlineStyle: 'none', ':focus-visible': { outlineStyle: 'solid' } },
  scope: { minWidth: 0, maxWidth: '100%' },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteMarigoldForeground1 },
});

const SEVERITIES: readonly Severity[] = ['error', 'warning'];

interface Group {
  readonly severity: Severity;
  readonly rules: readonly {
    readonly rule: Finding['rule'];
    readonly findings: readonly Finding[];
  }[];
  readonly count: number;
}

/** Errors first, then warnings; within each, rules in their declared order. */
export function groupFindings(findings: readonly Finding[]): Group[] {
  return SEVERITIES.map((severity) => {
    const mine = findings.filter((f) => f.severity === severity);
    const rules = FINDING_RULES.map((rule) => ({
      rule,
      findings: mine.filter((f) => f.rule === rule),
    })).filter((g) => g.findings.length > 0);
    return { severity, rules, count: mine.length };
  }).filter((g) => g.count > 0);
}

export function ValidateView({
  host,
  policy,
  workflows = IN_PAGE,
}: {
  readonly host: WorkbookHost;
  readonly policy: Policy;
  /** Where the validation runs (App's `workflows`). */
  readonly workflows?: PaneWorkflows;
}) {
  const { t, lang } = useStrings();
  const styles = useStyles();
  const view = useViewStyles();
  const scopeId = useId();
  const [tables, setTables] = useState<TableInfo[]>([]);
  // '' is the whole workbook, 'sheet' the active sheet, `table:Name` an Excel Table.
  const [scope, setScope] = useState('');
  const [stale, setStale] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const [marksOn, setMarksOn] = useState(false);
  // What the last marks action did, kept as data so the note follows a language switch.
  const [marksNote, setMarksNote] = useState<{ written: number } | 'cleared' | null>(null);
  const [marksError, setMarksError] = useState<unknown>(null);
  const run = useRun<ValidateResult>();

  useEffect(() => {
    let live = true;
    host
      .listSheets()
      .then((sheets) => {
        if (live) setTables(sheets.flatMap((s) => s.tables));
      })
      // No tables to offer is not an error: the active sheet is still there.
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [host]);

  // An edit after a run makes its findings out of date (and a fixed cell's mark stale).
  useEffect(() => {
    let live = true;
    let stop: (() => Promise<void>) | undefined;
    host
      .onCellsChanged?.(() => setStale(true))
      .then((off) => {
        if (live) stop = off;
        else void off();
      })
      .catch(() => undefined);
    return () => {
      live = false;
      void stop?.();
    };
  }, [host]);

  // Focus follows the result: the summary (or the error) once a run ends.
  const status = run.state.status;
  useEffect(() => {
    if (status === 'done' || status === 'error') summaryRef.current?.focus();
  }, [status]);

  const findings = run.state.status === 'done' ? run.state.value.findings : undefined;
  const groups = useMemo(() => (findings ? groupFindings(findings) : []), [findings]);

  const validate = async () => {
    setMarksError(null);
    if (marksOn) {
      setMarksOn(false);
      setMarksNote(null);
      await clearMarks(host).catch((e: unknown) => setMarksError(e));
    }
    const chosen: ValidateScope = scope.startsWith('table:')
      ? { kind: 'table', table: scope.slice('table:'.length) }
      : scope === 'sheet'
        ? { kind: 'sheet' }
        : { kind: 'workbook' };
    setStale(false);
    await run.start((options) => workflows.validate(host, { ...options, policy, scope: chosen }));
  };

  const toggleMarks = async (on: boolean) => {
    setMarksOn(on);
    setMarksError(null);
    try {
      if (on) {
        const n = await applyMarks(host, findings ?? []);
        setMarksNote({ written: n });
      } else {
        await clearMarks(host);
        setMarksNote('cleared');
      }
    } catch (e) {
      setMarksOn(!on);
      setMarksError(e);
    }
  };

  const running = run.state.status === 'running';
  const result = run.state.status === 'done' ? run.state.value : undefined;
  const errors = findings?.filter((f) => f.severity === 'error').length ?? 0;

  return (
    <div className={view.view}>
      <div className={view.row}>
        <label htmlFor={scopeId}>{t.validate.scope}</label>
        <Select
          id={scopeId}
          className={styles.scope}
          value={scope}
          onChange={(_, d) => setScope(d.value)}
          disabled={running}
        >
          <option value="">{t.validate.wholeWorkbook}</option>
          <option value="sheet">{t.validate.activeSheet}</option>
          {tables.map((x) => (
            <option key={x.name} value={`table:${x.name}`}>
              {t.validate.tableOption(x.name, x.sheet)}
            </option>
          ))}
        </Select>
        <Button appearance="primary" onClick={() => void validate()} disabled={running}>
          {running ? t.validate.running : t.validate.run}
        </Button>
      </div>

      {run.state.status === 'running' && (
        <RunProgress
          progress={run.state.progress}
          label={t.validate.running}
          onCancel={run.cancel}
        />
      )}
      {run.state.status === 'cancelled' && <CancelledNote />}
      <div
        role="status"
        aria-live="polite"
        tabIndex={-1}
        ref={summaryRef}
        className={styles.summary}
      >
        {run.state.status === 'error' && <ErrorNote error={run.state.error} />}
        {result && findings && findings.length === 0 && (
          <MessageBar intent="success">
            <MessageBarBody>{t.validate.noFindings(result.rows)}</MessageBarBody>
          </MessageBar>
        )}
        {result && findings && findings.length > 0 && (
          <Text>
            {t.validate.summary(
              errors,
              findings.length - errors,
              result.rows,
              result.table ?? result.sheet ?? t.validate.theWorkbook,
            )}
          </Text>
        )}
      </div>
      {stale && result && (
        <MessageBar intent="warning">
          <MessageBarBody>
            {t.validate.stale}{' '}
            <Button size="small" onClick={() => void validate()} disabled={running}>
              {t.validate.again}
            </Button>
          </MessageBarBody>
        </MessageBar>
      )}

      {findings && findings.length > 0 && (
        <>
          <div className={view.row}>
            <Switch
              label={t.validate.highlight}
              checked={marksOn}
              onChange={(_, d) => void toggleMarks(d.checked)}
            />
          </div>
          <div aria-live="polite" className={view.muted}>
            {marksNote === null
              ? ''
              : marksNote === 'cleared'
                ? t.validate.marksCleared
                : t.validate.marksWritten(marksNote.written)}
          </div>
          {marksError !== null && <ErrorNote error={marksError} />}
          <Caption1 className={view.muted}>
            {host.kind === 'office' ? t.validate.selectHintExcel : t.validate.selectHint}
          </Caption1>
          {groups.map((g) => (
            <section
              key={g.severity}
              className={view.section}
              aria-label={t.common.severity[g.severity]}
            >
              <Subtitle2 as="h3" className={mergeSeverity(styles, g.severity)}>
                {t.common.severity[g.severity]} · {t.validate.groupCount(g.count)}
              </Subtitle2>
              {g.rules.map((r) => (
                <div key={r.rule} className={view.section}>
                  <Text as="h4" weight="semibold" className={view.heading}>
                    {t.validate.rules[r.rule]} ({r.findings.length})
                  </Text>
                  <ul className={styles.group}>
                    {r.findings.map((f, i) => (
                      <li key={`${f.sheet}!${f.address}#${i}`}>
                        <Button
                          appearance="subtle"
                          className={styles.finding}
                          onClick={() =>
                            void host.selectCell(f.sheet, f.address).catch(() => undefined)
                          }
                        >
                          <span className={styles.address}>
                            {f.sheet === result?.sheet ? f.address : `${f.sheet}!${f.address}`}
                          </span>
                          <span className={styles.message}>{f.message[lang]}</span>
                          <Caption1 className={view.muted}>
                            {t.common.article}
                            {t.common.colon}
                            {articleText(f.article, lang)}
                          </Caption1>
                        </Button>
                      </li>
                    ))}
                  </ul>
                </div>
              ))}
            </section>
          ))}
        </>
      )}
    </div>
  );
}

function mergeSeverity(styles: ReturnType<typeof useStyles>, severity: Severity): string {
  return severity === 'error' ? styles.error : styles.warning;
}
