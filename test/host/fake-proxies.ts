/**
 * Proxies of the fake Excel: like Office.js, they only queue work. Reading a property that was
 * not loaded and synced throws PropertyNotLoaded; setters and methods run at the next sync.
 */
import { type RectRef, parseRect, qualify, rectAddress } from '../../src/host/a1';
import type {
  XEventHandlerResult,
  XEventHandlers,
  XProtection,
  XProtectionOptions,
  XRange,
  XRangeFill,
  XRangeFormat,
  XSetting,
  XSettingCollection,
  XTable,
  XTableCollection,
  XWorkbook,
  XWorksheet,
  XWorksheetCollection,
} from '../../src/host/excel-api';
import {
  type FakeSession,
  type SheetState,
  FakeOfficeError,
  NO_FILL,
  applyTyped,
  cellAt,
  ensureCell,
  key,
  usedRect,
} from './fake-state';

const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;

function notFound(what: string): FakeOfficeError {
  return new FakeOfficeError('ItemNotFound', `The requested resource doesn't exist: ${what}`);
}

abstract class Proxy {
  private readonly loaded = new Map<string, unknown>();

  constructor(protected readonly session: FakeSession) {}

  protected read<T>(property: string): T {
    if (!this.loaded.has(property)) {
      throw new FakeOfficeError(
        'PropertyNotLoaded',
        `The property '${property}' is not available. Call load() and context.sync() first.`,
      );
    }
    return this.loaded.get(property) as T;
  }

  /** Property values as they are at this point of the batch. */
  protected abstract snapshot(property: string): unknown;

  load(propertyNames: string): this {
    const names = propertyNames
      .split(',')
      // `items/name` loads the items (with their names): stored as `items`.
      .map((name) => name.trim().split('/')[0])
      .filter(Boolean);
    this.session.enqueue({
      request: { load: names },
      run: () => {
        const values = names.map((name) => this.snapshot(name));
        return {
          response: Object.fromEntries(names.map((name, i) => [name, serialisable(values[i])])),
          commit: () => names.forEach((name, i) => this.loaded.set(name, values[i])),
        };
      },
    });
    return this;
  }

  /** Queue a change; `run` does it at sync. */
  protected queue(request: unknown, run: () => void): void {
    this.session.enqueue({
      request,
      run: () => {
        run();
        return {};
      },
    });
  }
}

/** Loaded proxies (collection items) go on the wire as their loaded names. */
function serialisable(value: unknown): unknown {
  if (Array.isArray(value) && value[0] instanceof Proxy) {
    return value.map((item: { name: string }) => ({ name: item.name }));
  }
  return value;
}

function guard(sheet: SheetState): void {
  if (sheet.protected) {
    throw new FakeOfficeError('AccessDenied', `Sheet ${sheet.name} is protected.`);
  }
}

export class FakeWorksheet extends Proxy implements XWorksheet {
  readonly protection: FakeProtection;

  constructor(
    session: FakeSession,
    /** Finds the sheet when the batch runs; null for a null object. */
    readonly resolve: () => SheetState | null,
  ) {
    super(session);
    this.protection = new FakeProtection(session, this);
  }

  get name(): string {
    return this.read('name');
  }
  get isNullObject(): boolean {
    return this.read('isNullObject');
  }
  get visibility(): string {
    return this.read('visibility');
  }
  set visibility(value: string) {
    this.queue({ set: 'visibility', value }, () => {
      this.sheet().visibility = value;
    });
  }

  sheet(): SheetState {
    const sheet = this.resolve();
    if (!sheet) throw notFound('worksheet');
    return sheet;
  }

  protected snapshot(property: string): unknown {
    const sheet = this.resolve();
    if (property === 'isNullObject') return sheet === null;
    if (!sheet) return undefined;
    if (property === 'name') return sheet.name;
    if (property === 'visibility') return sheet.visibility;
    throw new Error(`fake worksheet: cannot load ${property}`);
  }

  getRange(address?: string): FakeRange {
    const rect = address ? parseRect(address) : { row: 0, col: 0, rows: MAX_ROWS, cols: MAX_COLS };
    return new FakeRange(this.session, this, () => rect);
  }

  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return new FakeRange(this.session, this, () => usedRect(this.sheet(), valuesOnly));
  }

  activate(): void {
    this.queue({ call: 'activate' }, () => {
      this.session.state.activeSheet = this.sheet().name;
    });
  }

  delete(): void {
    this.queue({ call: 'delete' }, () => {
      const sheet = this.sheet();
      if (sheet.visibility === 'VeryHidden') {
        throw new FakeOfficeError('InvalidOperation', 'A VeryHidden sheet cannot be deleted.');
      }
      const state = this.session.state;
      state.sheets = state.sheets.filter((s) => s !== sheet);
      state.tables = state.tables.filter((t) => t.sheet !== sheet.name);
      this.session.record({ sheet: sheet.name, address: '*', property: 'delete' });
    });
  }
}

export class FakeProtection extends Proxy implements XProtection {
  constructor(
    session: FakeSession,
    private readonly owner: FakeWorksheet,
  ) {
    super(session);
  }
  get protected(): boolean {
    return this.read('protected');
  }
  protected snapshot(property: string): unknown {
    if (property === 'protected') return this.owner.sheet().protected;
    throw new Error(`fake protection: cannot load ${property}`);
  }
  protect(options?: XProtectionOptions, password?: string): void {
    this.queue({ call: 'protect', options }, () => {
      const sheet = this.owner.sheet();
      if (sheet.protected) throw new FakeOfficeError('InvalidOperation', 'Already protected.');
      sheet.protected = true;
      this.session.record({
        sheet: sheet.name,
        address: '*',
        property: 'protect',
        value: password,
      });
    });
  }
  unprotect(): void {
    this.queue({ call: 'unprotect' }, () => {
      const sheet = this.owner.sheet();
      sheet.protected = false;
      this.session.record({ sheet: sheet.name, address: '*', property: 'unprotect' });
    });
  }
}

export class FakeRange extends Proxy implements XRange {
  readonly format: FakeFormat;

  constructor(
    session: FakeSession,
    readonly worksheet: FakeWorksheet,
    /** Where the range is when the batch runs; null for a null object. */
    readonly locate: () => RectRef | null,
  ) {
    super(session);
    this.format = new FakeFormat(session, this);
  }

  get address(): string {
    return this.read('address');
  }
  get rowIndex(): number {
    return this.read('rowIndex');
  }
  get columnIndex(): number {
    return this.read('columnIndex');
  }
  get rowCount(): number {
    return this.read('rowCount');
  }
  get columnCount(): number {
    return this.read('columnCount');
  }
  get isNullObject(): boolean {
    return this.read('isNullObject');
  }
  get values(): unknown[][] {
    return this.read('values');
  }
  set values(values: unknown[][]) {
    this.write('values', values, (cell, input) => applyTyped(cell, input));
  }
  get formulas(): unknown[][] {
    return this.read('formulas');
  }
  set formulas(formulas: unknown[][]) {
    this.write('formulas', formulas, (cell, input) => applyTyped(cell, input));
  }

  rect(): RectRef {
    const rect = this.locate();
    if (!rect) throw notFound('range (null object)');
    return rect;
  }

  /** Each cell of the range, row-major. */
  cells(): { row: number; col: number }[] {
    const { row, col, rows, cols } = this.rect();
    const out: { row: number; col: number }[] = [];
    for (let r = 0; r < rows; r++)
      for (let c = 0; c < cols; c++) out.push({ row: row + r, col: col + c });
    return out;
  }

  private write(
    property: string,
    matrix: unknown[][],
    apply: (cell: ReturnType<typeof ensureCell>, input: unknown) => void,
  ): void {
    this.queue({ set: property, value: matrix }, () => {
      const sheet = this.worksheet.sheet();
      const { row, col, rows, cols } = this.rect();
      if (matrix.length !== rows || matrix.some((line) => line.length !== cols)) {
        throw new FakeOfficeError('InvalidArgument', `${property} does not match ${rows}x${cols}.`);
      }
      guard(sheet);
      matrix.forEach((line, r) =>
        line.forEach((v, c) => apply(ensureCell(sheet, row + r, col + c), v)),
      );
      this.session.record({
        sheet: sheet.name,
        address: rectAddress(this.rect()),
        property,
        value: matrix,
      });
    });
  }

  protected snapshot(property: string): unknown {
    const rect = this.locate();
    if (property === 'isNullObject') return rect === null;
    if (!rect) return undefined;
    const sheet = this.worksheet.sheet();
    switch (property) {
      case 'address':
        return qualify(sheet.name, rectAddress(rect));
      case 'rowIndex':
        return rect.row;
      case 'columnIndex':
        return rect.col;
      case 'rowCount':
        return rect.rows;
      case 'columnCount':
        return rect.cols;
      case 'values':
      case 'formulas':
        return this.matrix(sheet, rect, property);
      default:
        throw new Error(`fake range: cannot load ${property}`);
    }
  }

  private matrix(sheet: SheetState, rect: RectRef, property: 'values' | 'formulas'): unknown[][] {
    const out: unknown[][] = [];
    for (let r = 0; r < rect.rows; r++) {
      const line: unknown[] = [];
      for (let c = 0; c < rect.cols; c++) {
        const cell = cellAt(sheet, rect.row + r, rect.col + c);
        line.push(!cell ? '' : property === 'formulas' && cell.formula ? cell.formula : cell.value);
      }
      out.push(line);
    }
    return out;
  }

  private derive(map: (rect: RectRef) => RectRef): FakeRange {
    return new FakeRange(this.session, this.worksheet, () => {
      const rect = map(this.rect());
      if (rect.rows < 1 || rect.cols < 1 || rect.row < 0 || rect.col < 0) {
        throw new FakeOfficeError('InvalidArgument', 'The range is outside the sheet.');
      }
      return rect;
    });
  }

  getCell(row: number, column: number): FakeRange {
    return this.derive((r) => ({ row: r.row + row, col: r.col + column, rows: 1, cols: 1 }));
  }
  getResizedRange(deltaRows: number, deltaColumns: number): FakeRange {
    return this.derive((r) => ({ ...r, rows: r.rows + deltaRows, cols: r.cols + deltaColumns }));
  }
  getOffsetRange(rowOffset: number, columnOffset: number): FakeRange {
    return this.derive((r) => ({ ...r, row: r.row + rowOffset, col: r.col + columnOffset }));
  }

  clear(): void {
    this.queue({ call: 'clear' }, () => {
      const sheet = this.worksheet.sheet();
      guard(sheet);
      const { row, col, rows, cols } = this.rect();
      for (const k of [...sheet.cells.keys()]) {
        const [r, c] = k.split(',').map(Number);
        if (r >= row && r < row + rows && c >= col && c < col + cols) sheet.cells.delete(k);
      }
      const whole = rows === MAX_ROWS && cols === MAX_COLS;
      const address = whole ? '*' : rectAddress(this.rect());
      this.session.record({ sheet: sheet.name, address, property: 'clear' });
    });
  }

  /** ExcelApi 1.12: on an anchor, the range its result fills; else a null object. */
  getSpillingToRangeOrNullObject(): FakeRange {
    return new FakeRange(this.session, this.worksheet, () => {
      const r = this.rect();
      if (r.rows !== 1 || r.cols !== 1) return null;
      return this.worksheet.sheet().spills?.get(key(r.row, r.col)) ?? null;
    });
  }

  /** ExcelApi 1.12: on one spilled cell (not an anchor), its anchor; else a null object. */
  getSpillParentOrNullObject(): FakeRange {
    return new FakeRange(this.session, this.worksheet, () => {
      const r = this.rect();
      if (r.rows !== 1 || r.cols !== 1) return null;
      for (const [k, s] of this.worksheet.sheet().spills ?? []) {
        const [row, col] = k.split(',').map(Number);
        const inside =
          r.row >= s.row && r.row < s.row + s.rows && r.col >= s.col && r.col < s.col + s.cols;
        if (inside && !(r.row === row && r.col === col)) return { row, col, rows: 1, cols: 1 };
      }
      return null;
    });
  }

  select(): void {
    this.queue({ call: 'select' }, () => {
      const sheet = this.worksheet.sheet();
      const { row, col } = this.rect();
      this.session.state.activeCell = { sheet: sheet.name, row, col };
    });
  }
}

export class FakeFormat implements XRangeFormat {
  readonly fill: FakeFill;
  constructor(
    private readonly session: FakeSession,
    private readonly range: FakeRange,
  ) {
    this.fill = new FakeFill(session, range);
  }
  autofitColumns(): void {
    this.session.enqueue({
      request: { call: 'autofitColumns' },
      run: () => {
        const sheet = this.range.worksheet.sheet();
        const address = rectAddress(this.range.rect());
        this.session.record({ sheet: sheet.name, address, property: 'format.autofitColumns' });
        return {};
      },
    });
  }
}

type FillProperty = 'color' | 'pattern' | 'patternColor';

export class FakeFill extends Proxy implements XRangeFill {
  constructor(
    session: FakeSession,
    private readonly range: FakeRange,
  ) {
    super(session);
  }
  get color(): string {
    return this.read('color');
  }
  set color(value: string) {
    this.set('color', value);
  }
  get pattern(): string {
    return this.read('pattern');
  }
  set pattern(value: string) {
    this.set('pattern', value);
  }
  get patternColor(): string {
    return this.read('patternColor');
  }
  set patternColor(value: string) {
    this.set('patternColor', value);
  }

  /** Excel gives null when the cells of a range differ. */
  protected snapshot(property: string): unknown {
    const sheet = this.range.worksheet.sheet();
    const seen = new Set(
      this.range.cells().map((at) => {
        const fill = cellAt(sheet, at.row, at.col)?.fill ?? NO_FILL;
        return fill[property as FillProperty];
      }),
    );
    return seen.size === 1 ? [...seen][0] : null;
  }

  private set(property: FillProperty, value: string): void {
    this.queue({ set: `fill.${property}`, value }, () => {
      const sheet = this.range.worksheet.sheet();
      guard(sheet);
      for (const at of this.range.cells()) {
        const fill = ensureCell(sheet, at.row, at.col).fill;
        fill[property] = value;
        // Like Excel: giving a colour to a cell without fill makes it a solid fill.
        if (property === 'color' && fill.pattern === 'None') fill.pattern = 'Solid';
      }
      const address = rectAddress(this.range.rect());
      this.session.record({
        sheet: sheet.name,
        address,
        property: `format.fill.${property}`,
        value,
      });
    });
  }

  clear(): void {
    this.queue({ call: 'fill.clear' }, () => {
      const sheet = this.range.worksheet.sheet();
      guard(sheet);
      for (const at of this.range.cells()) ensureCell(sheet, at.row, at.col).fill = { ...NO_FILL };
      const address = rectAddress(this.range.rect());
      this.session.record({ sheet: sheet.name, address, property: 'format.fill.clear' });
    });
  }
}

function findSheet(session: FakeSession, name: string): SheetState | null {
  const lower = name.toLowerCase();
  return session.state.sheets.find((s) => s.name.toLowerCase() === lower) ?? null;
}

type Handler = (args: unknown) => Promise<unknown>;

/**
 * An event of the fake: `add` and `remove` are queued on the context they are called in and
 * take effect at its next sync, so a handler removed in a context other than the one it was
 * added in is never removed (as in Office, where that fails).
 */
export class FakeEvent implements XEventHandlers {
  constructor(
    private readonly session: FakeSession,
    private readonly name: string,
    private readonly handlers: () => Set<Handler>,
  ) {}

  add(handler: Handler): XEventHandlerResult {
    const session = this.session;
    session.enqueue({
      request: { add: this.name },
      run: () => ({ commit: () => void this.handlers().add(handler) }),
    });
    return {
      remove: () =>
        session.enqueue({
          request: { remove: this.name },
          run: () => ({ commit: () => void this.handlers().delete(handler) }),
        }),
    };
  }
}

export class FakeWorksheets extends Proxy implements XWorksheetCollection {
  readonly onSelectionChanged = new FakeEvent(
    this.session,
    'worksheets.onSelectionChanged',
    () => this.session.state.selectionHandlers,
  );

  get items(): FakeWorksheet[] {
    return this.read('items');
  }
  protected snapshot(property: string): unknown {
    if (property !== 'items') {
      throw new Error(`fake worksheets: cannot load ${property}`);
    }
    return this.session.state.sheets.map((sheet) => {
      const proxy = new FakeWorksheet(this.session, () => sheet);
      preload(proxy, { name: sheet.name });
      return proxy;
    });
  }
  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.session, () => {
      const sheet = findSheet(this.session, name);
      if (!sheet) throw notFound(`worksheet ${name}`);
      return sheet;
    });
  }
  getItemOrNullObject(name: string): FakeWorksheet {
    return new FakeWorksheet(this.session, () => findSheet(this.session, name));
  }
  add(name: string): FakeWorksheet {
    this.queue({ call: 'add', name }, () => {
      if (findSheet(this.session, name)) {
        throw new FakeOfficeError('ItemAlreadyExists', `A sheet named ${name} exists.`);
      }
      this.session.state.sheets.push({
        name,
        cells: new Map(),
        visibility: 'Visible',
        protected: false,
        revision: 0,
      });
      this.session.record({ sheet: name, address: '*', property: 'add' });
    });
    return this.getItem(name);
  }
  getActiveWorksheet(): FakeWorksheet {
    return this.getItem(this.session.state.activeSheet);
  }
}

/** Collection items arrive loaded; the fake sets their loaded properties directly. */
function preload(proxy: Proxy, properties: Record<string, unknown>): void {
  const loaded = (proxy as unknown as { loaded: Map<string, unknown> }).loaded;
  for (const [name, value] of Object.entries(properties)) loaded.set(name, value);
}

export class FakeTable extends Proxy implements XTable {
  readonly worksheet: FakeWorksheet;
  constructor(
    session: FakeSession,
    private readonly tableName: string,
  ) {
    super(session);
    this.worksheet = new FakeWorksheet(session, () => findSheet(session, this.table().sheet));
  }
  get name(): string {
    return this.read('name');
  }
  private table() {
    const table = this.session.state.tables.find((t) => t.name === this.tableName);
    if (!table) throw notFound(`table ${this.tableName}`);
    return table;
  }
  protected snapshot(property: string): unknown {
    if (property === 'name') return this.table().name;
    throw new Error(`fake table: cannot load ${property}`);
  }
  getRange(): FakeRange {
    return new FakeRange(this.session, this.worksheet, () => this.table().rect);
  }
}

export class FakeTables extends Proxy implements XTableCollection {
  get items(): FakeTable[] {
    return this.read('items');
  }
  protected snapshot(property: string): unknown {
    if (property !== 'items') {
      throw new Error(`fake tables: cannot load ${property}`);
    }
    return this.session.state.tables.map((table) => {
      const proxy = new FakeTable(this.session, table.name);
      preload(proxy, { name: table.name });
      return proxy;
    });
  }
  getItem(name: string): FakeTable {
    return new FakeTable(this.session, name);
  }
}

export class FakeSetting extends Proxy implements XSetting {
  constructor(
    session: FakeSession,
    private readonly settingKey: string,
    /** getItemOrNullObject: a missing key loads as a null object instead of failing. */
    private readonly orNull: boolean,
  ) {
    super(session);
  }
  get isNullObject(): boolean {
    return this.read('isNullObject');
  }
  get key(): string {
    return this.read('key');
  }
  get value(): unknown {
    return this.read('value');
  }
  protected snapshot(property: string): unknown {
    const settings = this.session.state.settings;
    const present = settings.has(this.settingKey);
    if (!present && !this.orNull) throw notFound(`setting ${this.settingKey}`);
    if (property === 'isNullObject') return !present;
    if (property === 'key') return present ? this.settingKey : undefined;
    if (property === 'value') return present ? settings.get(this.settingKey) : undefined;
    throw new Error(`fake setting: cannot load ${property}`);
  }
}

export class FakeSettings implements XSettingCollection {
  constructor(private readonly session: FakeSession) {}

  getItemOrNullObject(key: string): FakeSetting {
    return new FakeSetting(this.session, key, true);
  }

  add(key: string, value: string): FakeSetting {
    this.session.enqueue({
      request: { call: 'settings.add', key, value },
      run: () => {
        this.session.state.settings.set(key, value);
        this.session.record({ sheet: '', address: key, property: 'setting', value });
        return {};
      },
    });
    return new FakeSetting(this.session, key, false);
  }
}

/** `workbook.application`: calculate (ExcelApi 1.1) and calculationState (ExcelApi 1.9). */
export class FakeApplication extends Proxy {
  calculate(type: 'Full'): void {
    this.queue({ call: 'calculate', type }, () => {
      this.session.state.calculations.push(type);
      this.session.state.onCalculate?.();
    });
  }
  get calculationState(): string {
    return this.read('calculationState');
  }
  protected snapshot(property: string): unknown {
    if (property === 'calculationState') {
      return this.session.state.calculationStates.shift() ?? 'Done';
    }
    throw new Error(`fake application: cannot load ${property}`);
  }
}

export class FakeWorkbook extends Proxy implements XWorkbook {
  readonly worksheets: FakeWorksheets;
  readonly settings: FakeSettings;
  readonly tables: FakeTables;
  readonly application: FakeApplication;

  constructor(session: FakeSession) {
    super(session);
    this.worksheets = new FakeWorksheets(session);
    this.tables = new FakeTables(session);
    this.settings = new FakeSettings(session);
    this.application = new FakeApplication(session);
  }
  get name(): string {
    return this.read('name');
  }
  protected snapshot(property: string): unknown {
    if (property === 'name') return this.session.state.name;
    throw new Error(`fake workbook: cannot load ${property}`);
  }
  getActiveCell(): FakeRange {
    const session = this.session;
    const sheet = new FakeWorksheet(session, () =>
      findSheet(session, session.state.activeCell.sheet),
    );
    return new FakeRange(session, sheet, () => {
      const { row, col } = this.session.state.activeCell;
      return { row, col, rows: 1, cols: 1 };
    });
  }
}
