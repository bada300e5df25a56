/**
 * One worksheet as a grid: column letters, row numbers, the shown values (numbers under their
 * cells' number formats, errors in the error colour), marks as cell highlights and the active
 * cell outlined. Only the rows in view are in the page, so a sheet of 100,000 rows scrolls as
 * lightly as one of 40.
 */
import { makeStyles, mergeClasses, shorthands, tokens } from '@fluentui/react-components';
import {
  memo,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type UIEvent,
} from 'react';
import { cellAddress, columnLetters } from '../host/a1';
import type { MarkSeverity } from '../host/port';
import type { Grid } from '../sheets/grid';
import { formatNumber } from './number-format';
import { isErrorText, showValue } from './typed';

export const ROW_HEIGHT = 24;
const COL_WIDTH = 104;
const HEAD_WIDTH = 48;
/** Rows drawn above and below the visible ones. */
const OVERSCAN = 12;
/** Blank rows and columns past the used range, so there is room to type. */
const MARGIN_ROWS = 20;
const MARGIN_COLS = 4;
const MIN_ROWS = 40;
const MIN_COLS = 10;

const useStyles = makeStyles({
  scroller: {
    flexGrow: 1,
    minHeight: 0,
    overflow: 'auto',
    position: 'relative',
    backgroundColor: tokens.colorNeutralBackground1,
    outlineStyle: 'none',
    ':focus-visible': {
      outlineWidth: tokens.strokeWidthThick,
      outlineStyle: 'solid',
      outlineColor: tokens.colorStrokeFocus2,
      outlineOffset: `calc(-1 * ${tokens.strokeWidthThick})`,
    },
  },
  table: {
    borderCollapse: 'separate',
    borderSpacing: 0,
    tableLayout: 'fixed',
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground1,
  },
  head: {
    position: 'sticky',
    top: 0,
    zIndex: 2,
    height: `${ROW_HEIGHT}px`,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    fontWeight: tokens.fontWeightRegular,
    borderRightWidth: tokens.strokeWidthThin,
    borderRightStyle: 'solid',
    borderRightColor: tokens.colorNeutralStroke2,
    borderBottomWidth: tokens.strokeWidthThin,
    borderBottomStyle: 'solid',
    borderBottomColor: tokens.colorNeutralStroke1,
    textAlign: 'center',
  },
  corner: { left: 0, zIndex: 3 },
  rowHead: {
    position: 'sticky',
    left: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    textAlign: 'center',
    borderRightWidth: tokens.strokeWidthThin,
    borderRightStyle: 'solid',
    borderRightColor: tokens.colorNeutralStroke1,
    borderBottomWidth: tokens.strokeWidthThin,
    borderBottomStyle: 'solid',
    borderBottomColor: tokens.colorNeutralStroke2,
  },
  headActive: {
    backgroundColor: tokens.colorNeutralBackground3Selected,
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightSemibold,
  },
  cell: {
    position: 'relative',
    height: `${ROW_HEIGHT}px`,
    boxSizing: 'border-box',
    paddingLeft: tokens.spacingHorizontalXS,
    paddingRight: tokens.spacingHorizontalXS,
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    borderRightWidth: tokens.strokeWidthThin,
    borderRightStyle: 'solid',
    borderRightColor: tokens.colorNeutralStroke3,
    borderBottomWidth: tokens.strokeWidthThin,
    borderBottomStyle: 'solid',
    borderBottomColor: tokens.colorNeutralStroke3,
    cursor: 'cell',
  },
  number: { textAlign: 'right' },
  center: { textAlign: 'center' },
  error: { color: tokens.colorPaletteRedForeground1, textAlign: 'center' },
  formula: { color: tokens.colorNeutralForeground1 },
  markError: { backgroundColor: tokens.colorPaletteRedBackground2 },
  markWarning: { backgroundColor: tokens.colorPaletteYellowBackground2 },
  active: {
    outlineWidth: tokens.strokeWidthThick,
    outlineStyle: 'solid',
    outlineColor: tokens.colorBrandStroke1,
    outlineOffset: `calc(-1 * ${tokens.strokeWidthThick})`,
  },
  editor: {
    position: 'absolute',
    top: 0,
    left: 0,
    zIndex: 4,
    boxSizing: 'border-box',
    height: `${ROW_HEIGHT}px`,
    minWidth: '100%',
    width: '24em',
    paddingLeft: tokens.spacingHorizontalXS,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
    ...shorthands.border(tokens.strokeWidthThick, 'solid', tokens.colorBrandStroke1),
    ...shorthands.borderRadius(0),
    outlineStyle: 'none',
    boxShadow: tokens.shadow8,
  },
});

export interface Editing {
  readonly address: string;
  readonly text: string;
}

export interface SheetGridProps {
  /** The used range; rows not fetched yet may be holes (drawn blank). */
  readonly grid: Grid;
  /** Columns of the used range, when rows of `grid` may be missing. */
  readonly width?: number;
  /** Told which rows (0-based, last excluded) are drawn, so they can be fetched. */
  readonly onRowsInView?: (first: number, last: number) => void;
  /** The number format of the cell at (row, col), 0-based; numbers are shown as General without. */
  readonly formatAt?: (row: number, col: number) => string | undefined;
  /** What hovering an error cell says: the error's meaning and message (0-based row, col). */
  readonly errorTitle?: (row: number, col: number, error: string) => string;
  readonly label: string;
  readonly marks: ReadonlyMap<string, MarkSeverity>;
  /** The active cell, 0-based, or undefined when it is on another sheet. */
  readonly active?: { readonly row: number; readonly col: number };
  /** Bumped when the view must bring the active cell into sight (a finding was chosen). */
  readonly revealKey: number;
  /** Bumped when the keyboard must move to the grid (a finding was chosen in the pane). */
  readonly focusKey?: number;
  readonly editing: Editing | null;
  readonly onSelect: (row: number, col: number) => void;
  /** Start editing the active cell, with this text or (undefined) its formula or value. */
  readonly onStartEdit: (text?: string) => void;
  readonly onEditText: (text: string) => void;
  /** Confirm the edit and move by (rows, cols); cancel when `commit` is false. */
  readonly onEndEdit: (commit: boolean, move: readonly [number, number]) => void;
  readonly onClear: () => void;
}

function markClass(styles: ReturnType<typeof useStyles>, mark: MarkSeverity | undefined) {
  if (mark === 'error') return styles.markError;
  if (mark === 'warning') return styles.markWarning;
  return undefined;
}

/**
 * Drawn again only when what it shows changes (the grid's rows, the marks, the active cell, an
 * edit): the host announces every change of the workbook, and progress of a long run in the
 * pane beside it must not redraw a thousand cells each time. Its callbacks are read when
 * called, and they follow what these props carry (the sheet, the active cell, its content).
 */
function sameShown(a: SheetGridProps, b: SheetGridProps): boolean {
  for (const key of Object.keys(b) as (keyof SheetGridProps)[]) {
    const x = a[key];
    const y = b[key];
    if (typeof y === 'function') continue;
    if (key === 'active') {
      const p = x as SheetGridProps['active'];
      const q = y as SheetGridProps['active'];
      if (p?.row !== q?.row || p?.col !== q?.col) return false;
    } else if (!Object.is(x, y)) return false;
  }
  return Object.keys(a).length === Object.keys(b).length;
}

export const SheetGrid = memo(function SheetGrid(props: SheetGridProps) {
  const { grid, marks, active, editing } = props;
  const styles = useStyles();
  const scroller = useRef<HTMLDivElement>(null);
  const editor = useRef<HTMLInputElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(600);

  const width = props.width ?? grid.values.reduce((n, r) => Math.max(n, r.length), 0);
  const rows = Math.max(MIN_ROWS, grid.top + grid.values.length + MARGIN_ROWS);
  const cols = Math.max(MIN_COLS, grid.left + width + MARGIN_COLS, (active?.col ?? 0) + 2);
  const totalRows = Math.max(rows, (active?.row ?? 0) + MARGIN_ROWS);

  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(totalRows, Math.ceil((scrollTop + viewport) / ROW_HEIGHT) + OVERSCAN);

  const { onRowsInView } = props;
  useEffect(() => onRowsInView?.(first, last), [onRowsInView, first, last, grid]);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const measure = () => setViewport(el.clientHeight || 600);
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  // Bring the active cell into view when asked (a finding chosen, the name box used, a move).
  useEffect(() => {
    const el = scroller.current;
    if (!el || !active) return;
    const top = active.row * ROW_HEIGHT;
    const headRoom = ROW_HEIGHT;
    if (
      top < el.scrollTop + headRoom - ROW_HEIGHT ||
      top + ROW_HEIGHT > el.scrollTop + el.clientHeight
    ) {
      el.scrollTop = Math.max(0, top - el.clientHeight / 3);
    }
    const left = HEAD_WIDTH + active.col * COL_WIDTH;
    if (left < el.scrollLeft + HEAD_WIDTH || left + COL_WIDTH > el.scrollLeft + el.clientWidth) {
      el.scrollLeft = Math.max(0, left - HEAD_WIDTH - COL_WIDTH);
    }
    setScrollTop(el.scrollTop);
    // Scroll only when asked or when the active cell moves.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [props.revealKey, active?.row, active?.col]);

  useEffect(() => {
    if (props.focusKey) scroller.current?.focus({ preventScroll: true });
  }, [props.focusKey]);

  useEffect(() => {
    if (editing) {
      editor.current?.focus();
      const len = editor.current?.value.length ?? 0;
      editor.current?.setSelectionRange(len, len);
    }
    // Focus moves into the editor when editing starts, back to the grid when it ends.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [editing === null]);

  const wasEditing = useRef(false);
  useEffect(() => {
    if (wasEditing.current && !editing) scroller.current?.focus();
    wasEditing.current = editing !== null;
  }, [editing]);

  const columns = useMemo(() => Array.from({ length: cols }, (_, c) => c), [cols]);

  const onScroll = (e: UIEvent<HTMLDivElement>) => setScrollTop(e.currentTarget.scrollTop);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (editing || !active) return;
    const move = (dr: number, dc: number) => {
      e.preventDefault();
      props.onSelect(Math.max(0, active.row + dr), Math.max(0, active.col + dc));
    };
    switch (e.key) {
      case 'ArrowUp':
        return move(-1, 0);
      case 'ArrowDown':
        return move(1, 0);
      case 'ArrowLeft':
        return move(0, -1);
      case 'ArrowRight':
        return move(0, 1);
      // Tab and Shift+Tab leave the grid (WAI-ARIA grid pattern: the grid is one tab stop and
      // arrows move inside it), so the keyboard can always get back to the task pane.
      case 'Enter':
      case 'F2':
        e.preventDefault();
        return props.onStartEdit();
      case 'Delete':
      case 'Backspace':
        e.preventDefault();
        return props.onClear();
      default:
        if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
          e.preventDefault();
          props.onStartEdit(e.key);
        }
    }
  };

  const onEditorKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      props.onEndEdit(true, [e.shiftKey ? -1 : 1, 0]);
    } else if (e.key === 'Tab') {
      e.preventDefault();
      props.onEndEdit(true, [0, e.shiftKey ? -1 : 1]);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      props.onEndEdit(false, [0, 0]);
    }
  };

  const body = [];
  if (first > 0) {
    body.push(<tr key="above" aria-hidden style={{ height: `${first * ROW_HEIGHT}px` }} />);
  }
  for (let r = first; r < last; r++) {
    const gr = r - grid.top;
    const rowValues = grid.values[gr];
    const rowFormulas = grid.formulas[gr];
    const activeRow = active?.row === r;
    body.push(
      <tr key={r} aria-rowindex={r + 2}>
        <th
          scope="row"
          className={mergeClasses(styles.rowHead, activeRow && styles.headActive)}
          style={{ width: `${HEAD_WIDTH}px` }}
        >
          {r + 1}
        </th>
        {columns.map((c) => {
          const gc = c - grid.left;
          const value = gc >= 0 ? (rowValues?.[gc] ?? null) : null;
          const formula = gc >= 0 ? (rowFormulas?.[gc] ?? null) : null;
          const address = cellAddress(r, c);
          const isActive = activeRow && active?.col === c;
          const text =
            typeof value === 'number'
              ? formatNumber(value, props.formatAt?.(r, c))
              : showValue(value);
          const kind = isErrorText(value)
            ? styles.error
            : typeof value === 'number'
              ? styles.number
              : typeof value === 'boolean'
                ? styles.center
                : undefined;
          return (
            <td
              key={c}
              role="gridcell"
              aria-selected={isActive}
              data-address={address}
              data-mark={marks.get(address)}
              title={
                isErrorText(value) && props.errorTitle
                  ? `${props.errorTitle(r, c, value as string)}${formula ? `\n${formula}` : ''}`
                  : (formula ?? (text.length > 12 ? text : undefined))
              }
              className={mergeClasses(
                styles.cell,
                kind,
                markClass(styles, marks.get(address)),
                isActive && styles.active,
              )}
              onMouseDown={(e) => {
                if (editing && isActive) return;
                e.preventDefault();
                if (editing) props.onEndEdit(true, [0, 0]);
                scroller.current?.focus();
                props.onSelect(r, c);
              }}
              onDoubleClick={() => props.onStartEdit()}
            >
              {text}
              {isActive && editing && (
                <input
                  ref={editor}
                  className={styles.editor}
                  aria-label={address}
                  value={editing.text}
                  spellCheck={false}
                  onChange={(e) => props.onEditText(e.target.value)}
                  onKeyDown={onEditorKey}
                  onBlur={() => props.onEndEdit(true, [0, 0])}
                />
              )}
            </td>
          );
        })}
      </tr>,
    );
  }
  if (last < totalRows) {
    body.push(
      <tr key="below" aria-hidden style={{ height: `${(totalRows - last) * ROW_HEIGHT}px` }} />,
    );
  }

  return (
    <div
      ref={scroller}
      className={styles.scroller}
      tabIndex={0}
      onScroll={onScroll}
      onKeyDown={onKeyDown}
      data-testid="sheet-grid"
    >
      <table
        role="grid"
        aria-label={props.label}
        aria-rowcount={totalRows + 1}
        aria-colcount={cols + 1}
        className={styles.table}
        style={{ width: `${HEAD_WIDTH + cols * COL_WIDTH}px` }}
      >
        <colgroup>
          <col style={{ width: `${HEAD_WIDTH}px` }} />
          {columns.map((c) => (
            <col key={c} style={{ width: `${COL_WIDTH}px` }} />
          ))}
        </colgroup>
        <thead>
          <tr aria-rowindex={1}>
            <th className={mergeClasses(styles.head, styles.corner)} />
            {columns.map((c) => (
              <th
                key={c}
                scope="col"
                className={mergeClasses(styles.head, active?.col === c && styles.headActive)}
              >
                {columnLetters(c)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{body}</tbody>
      </table>
    </div>
  );
}, sameShown);
