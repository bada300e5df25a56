/**
 * The workbook beside the task pane: a formula bar (the active cell's address and its formula
 * or value), the active sheet's grid, and the sheet tabs. Everything it shows comes from the
 * host (WorkerHost, the engine worker's view), so what the task pane selects, marks or adds
 * appears here at once.
 */
import {
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Tab,
  TabList,
  tokens,
} from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { cellAddress, parseCell } from '../host/a1';
import { SheetGrid, type Editing } from './SheetGrid';
import type { PreviewStrings } from './strings';
import { readTyped, showValue } from './typed';
import type { WorkerHost } from './worker-host';

const useStyles = makeStyles({
  view: {
    display: 'flex',
    flexDirection: 'column',
    minWidth: 0,
    minHeight: 0,
    flexGrow: 1,
    backgroundColor: tokens.colorNeutralBackground2,
    // Stacked above the pane on a narrow screen: a grid of its own height, never squeezed.
    '@media (max-width: 700px)': { flexGrow: 0, height: '55vh', minHeight: '260px' },
  },
  bar: {
    display: 'flex',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
    paddingTop: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalXS,
    paddingLeft: tokens.spacingHorizontalS,
    paddingRight: tokens.spacingHorizontalS,
    borderBottomWidth: tokens.strokeWidthThin,
    borderBottomStyle: 'solid',
    borderBottomColor: tokens.colorNeutralStroke2,
  },
  nameBox: { width: '6em', minWidth: 0, flexShrink: 0 },
  fx: {
    fontStyle: 'italic',
    fontFamily: tokens.fontFamilyMonospace,
    color: tokens.colorNeutralForeground3,
  },
  formula: { flexGrow: 1, minWidth: 0 },
  tabs: {
    display: 'flex',
    overflowX: 'auto',
    flexShrink: 0,
    backgroundColor: tokens.colorNeutralBackground3,
    borderTopWidth: tokens.strokeWidthThin,
    borderTopStyle: 'solid',
    borderTopColor: tokens.colorNeutralStroke2,
  },
  note: { flexShrink: 0 },
});

export function WorkbookView({
  host,
  t,
}: {
  readonly host: WorkerHost;
  readonly t: PreviewStrings;
}) {
  const styles = useStyles();
  const version = useSyncExternalStore(
    (listener) => host.subscribe(listener),
    () => host.version,
  );
  const { sheet, address } = host.current;
  const [editing, setEditing] = useState<Editing | null>(null);
  const [barText, setBarText] = useState<string | null>(null);
  const [nameText, setNameText] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [reveal, setReveal] = useState(0);
  const [focusKey, setFocusKey] = useState(0);
  // Set while the view itself moves the selection; a move made elsewhere (a finding chosen in
  // the task pane) also takes the keyboard to the grid, as choosing a finding should.
  const ownMove = useRef(false);
  const mounted = useRef(false);
  useEffect(() => {
    if (mounted.current && !ownMove.current) setFocusKey((n) => n + 1);
    mounted.current = true;
    ownMove.current = false;
  }, [sheet, address]);

  // What the view shows of the host at this version: read again after every change.
  // The workbook is in the engine worker: the rows in view are fetched as they come into view.
  const { sheets, shown, marks, cell } = useMemo(
    () => ({
      version,
      sheets: host.sheetNames(),
      shown: host.shown(sheet),
      marks: host.marksOn(sheet),
      cell: host.cellAt(sheet, address),
    }),
    [host, sheet, address, version],
  );
  const onRowsInView = useCallback(
    (first: number, last: number) => host.rowsInView(sheet, first, last),
    [host, sheet],
  );
  const active = parseCell(address);
  const shownText = cell.formula ?? showValue(cell.value);

  // A selection made elsewhere (a finding in the task pane) is revealed; an edit there ends.
  const [seen, setSeen] = useState(`${sheet}!${address}`);
  if (seen !== `${sheet}!${address}`) {
    setSeen(`${sheet}!${address}`);
    setReveal((n) => n + 1);
    setBarText(null);
    setNameText(null);
  }

  const select = (row: number, col: number) => {
    setProblem(null);
    ownMove.current = true;
    void host.selectCell(sheet, cellAddress(row, col)).catch(() => undefined);
  };

  const commit = async (target: string, text: string) => {
    try {
      await host.editCell(sheet, target, readTyped(text));
      setProblem(null);
    } catch (e) {
      setProblem(
        host.isProtected(sheet)
          ? t.protectedSheet(sheet)
          : t.editFailed(e instanceof Error ? e.message : String(e)),
      );
    }
  };

  const startEdit = (text?: string) => {
    if (host.isProtected(sheet)) {
      setProblem(t.protectedSheet(sheet));
      return;
    }
    setEditing({ address, text: text ?? shownText });
  };

  const endEdit = (save: boolean, [dr, dc]: readonly [number, number]) => {
    const was = editing;
    setEditing(null);
    if (!was) return;
    const next = () => {
      if (dr !== 0 || dc !== 0) {
        const at = parseCell(was.address);
        select(Math.max(0, at.row + dr), Math.max(0, at.col + dc));
      }
    };
    if (save && was.text !== shownText) void commit(was.address, was.text).then(next);
    else next();
  };

  const goTo = (text: string) => {
    const target = text.trim().replace(/^.*!/, '');
    try {
      const at = parseCell(target);
      select(at.row, at.col);
    } catch {
      setNameText(null);
    }
  };

  return (
    <section className={styles.view} aria-label={t.grid(sheet)}>
      <div className={styles.bar}>
        <Input
          className={styles.nameBox}
          size="small"
          aria-label={t.nameBox}
          data-testid="name-box"
          value={nameText ?? address}
          onChange={(_, d) => setNameText(d.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') goTo(nameText ?? address);
            if (e.key === 'Escape') setNameText(null);
          }}
          onBlur={() => setNameText(null)}
        />
        <span className={styles.fx} aria-hidden>
          fx
        </span>
        <Input
          className={styles.formula}
          size="small"
          aria-label={t.formulaBar}
          data-testid="formula-bar"
          value={editing ? editing.text : (barText ?? shownText)}
          readOnly={host.isProtected(sheet)}
          onChange={(_, d) =>
            editing ? setEditing({ ...editing, text: d.value }) : setBarText(d.value)
          }
          onKeyDown={(e) => {
            if (editing) return;
            if (e.key === 'Enter' && barText !== null) {
              const text = barText;
              setBarText(null);
              void commit(address, text);
            }
            if (e.key === 'Escape') setBarText(null);
          }}
        />
      </div>
      {problem && (
        <MessageBar intent="warning" className={styles.note}>
          <MessageBarBody>{problem}</MessageBarBody>
        </MessageBar>
      )}
      <SheetGrid
        grid={shown.grid}
        width={shown.width}
        onRowsInView={onRowsInView}
        formatAt={(row, col) => host.formatAt(sheet, row, col)}
        errorTitle={(row, col, error) => t.errorTitle(error, host.errorMessage(sheet, row, col))}
        label={t.grid(sheet)}
        marks={marks}
        active={active}
        revealKey={reveal}
        focusKey={focusKey}
        editing={editing}
        onSelect={select}
        onStartEdit={startEdit}
        onEditText={(text) => editing && setEditing({ ...editing, text })}
        onEndEdit={endEdit}
        onClear={() => {
          if (host.isProtected(sheet)) setProblem(t.protectedSheet(sheet));
          else if (cell.value !== null || cell.formula !== null) void commit(address, '');
        }}
      />
      <div className={styles.tabs}>
        <TabList
          size="small"
          aria-label={t.sheets}
          selectedValue={sheet}
          onTabSelect={(_, d) => {
            setEditing(null);
            ownMove.current = true;
            host.activate(String(d.value));
          }}
        >
          {sheets.map((name) => (
            <Tab key={name} value={name} data-sheet={name}>
              {name}
            </Tab>
          ))}
        </TabList>
      </div>
    </section>
  );
}
