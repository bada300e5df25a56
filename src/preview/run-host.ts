/**
 * The port a validate or audit run sees inside the preview's worker: the worker's LocalHost,
 * with a pause before each call so the worker can take in a Cancel from the page (the engine
 * answers every call at once, so without it a run would never see the message), and the same
 * rule for Cancel as the task pane in Excel: before the first write Cancel stops the run with
 * nothing written; once writing has started it goes on to the end, so a report sheet is never
 * left without its log record, nor a record without its anchor. Whether Cancel came first is the
 * page's to say (`mayWrite`): a Cancel message still queued in the worker when its first write
 * comes would otherwise be too late here while the page already showed "Cancelled, nothing was
 * changed". The pause does not guarantee the message is taken in first: timers and posted
 * messages are different task sources, and the event loop picks the queue to run "in an
 * implementation-defined manner" (HTML Standard, 8.1.7.3 Processing model,
 * https://html.spec.whatwg.org/multipage/webappapis.html#event-loop-processing-model).
 */
import type {
  Mark,
  ReadOptions,
  Selection,
  SheetInfo,
  SpillParent,
  WorkbookHost,
} from '../host/port';
import type { CellValue, Grid } from '../sheets/grid';
import { CancelledError } from '../taskpane/workflows/progress';

/** Lets the worker's message queue run (a Cancel waiting there is taken in). */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export class RunHost implements WorkbookHost {
  readonly kind = 'local' as const;
  private writing = false;

  constructor(
    private readonly host: WorkbookHost,
    private readonly signal: AbortSignal,
    /** The sheet the page shows, when the run's host is not the page's own. */
    private readonly active?: string,
    /** Asks the page, before the first write, whether the run may write (not cancelled). */
    private readonly mayWrite: () => Promise<boolean> = async () => true,
  ) {}

  /** Before a read: a pause, then stop if cancelled and nothing is written yet. */
  private async read(): Promise<void> {
    await nextTask();
    if (!this.writing && this.signal.aborted) throw new CancelledError();
  }

  /** Before the first write: a last chance to stop; after it, none (see above). */
  private async write(): Promise<void> {
    if (this.writing) return;
    await nextTask();
    if (this.signal.aborted || !(await this.mayWrite())) throw new CancelledError();
    this.writing = true;
  }

  async workbookName(): Promise<string> {
    await this.read();
    return this.host.workbookName();
  }
  async userName(): Promise<string | null> {
    await this.read();
    return this.host.userName();
  }
  async listSheets(): Promise<SheetInfo[]> {
    await this.read();
    return this.host.listSheets();
  }
  async activeSheet(): Promise<string> {
    await this.read();
    return this.active ?? this.host.activeSheet();
  }
  async readSheet(sheet: string, options?: ReadOptions): Promise<Grid> {
    await this.read();
    return this.host.readSheet(sheet, options);
  }
  async readSavedSheet(sheet: string, options?: ReadOptions): Promise<Grid> {
    await this.read();
    const saved = this.host.readSavedSheet?.bind(this.host);
    return saved ? saved(sheet, options) : this.host.readSheet(sheet, options);
  }
  async readRange(sheet: string, address: string): Promise<Grid> {
    await this.read();
    if (!this.host.readRange) throw new Error('readRange is not available.');
    return this.host.readRange(sheet, address);
  }
  async readSetting(key: string): Promise<string | null> {
    await this.read();
    return this.host.readSetting ? this.host.readSetting(key) : null;
  }
  async writeSetting(key: string, value: string): Promise<void> {
    await this.write();
    await this.host.writeSetting?.(key, value);
  }
  async spillParent(sheet: string, address: string): Promise<SpillParent | null> {
    await this.read();
    return this.host.spillParent ? this.host.spillParent(sheet, address) : null;
  }
  async readTable(table: string, options?: ReadOptions): Promise<Grid> {
    await this.read();
    return this.host.readTable(table, options);
  }
  async recalculate(): Promise<void> {
    await this.read();
    return this.host.recalculate();
  }
  async writeMarks(marks: readonly Mark[]): Promise<void> {
    return this.host.writeMarks(marks);
  }
  async clearMarks(): Promise<void> {
    return this.host.clearMarks();
  }
  async replaceReportSheet(sheet: string, rows: readonly (readonly CellValue[])[]): Promise<void> {
    await this.write();
    return this.host.replaceReportSheet(sheet, rows);
  }
  async readLog(sheet: string): Promise<CellValue[][]> {
    await this.read();
    return this.host.readLog(sheet);
  }
  async appendLog(
    sheet: string,
    header: readonly string[],
    rows: readonly (readonly CellValue[])[],
  ): Promise<void> {
    await this.write();
    return this.host.appendLog(sheet, header, rows);
  }
  async selectCell(sheet: string, address: string): Promise<void> {
    return this.host.selectCell(sheet, address);
  }
  async getSelection(): Promise<Selection> {
    await this.read();
    return this.host.getSelection();
  }
  async setFormula(sheet: string, address: string, formula: string): Promise<void> {
    await this.write();
    return this.host.setFormula(sheet, address, formula);
  }
}
