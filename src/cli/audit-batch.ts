/**
 * `cm-appraisal audit a.xlsx b.xlsx … -o DIR` (or a folder): a month of branch workbooks
 * (POLICY §9, Art. 28) audited in parallel on all cores, each in a worker thread running the
 * single-file audit itself (`cm-appraisal audit <file> -o DIR/<file> --json`, the same code and
 * options), so one output workbook and one log record per input; then one summary workbook
 * (--summary, audit-batch-summary.ts) and one JSON report. A workbook that cannot be audited is
 * reported and the others still run.
 *
 * One workbook and no --summary, with -o not a folder: the single-file audit (./audit) as before.
 */
import { existsSync, mkdirSync, readdirSync, statSync } from 'fs';
import { availableParallelism } from 'os';
import { basename, dirname, extname, join, resolve } from 'path';
import { setFlagsFromString } from 'v8';
import { Worker } from 'worker_threads';
import type { Lang } from '../rules';
import { writeSummary, type BatchItem } from './audit-batch-summary';
import type { Command, Parsed } from './command';
import { countsLine } from './findings';
import { fsReason } from './fs-reasons';
import { CliError, EXIT_FAILURE, EXIT_FINDINGS, EXIT_OK, parseLang, Progress, type Io } from './io';

/** The worker script, beside the bin in both layouts (src/cli and the compiled build/cli). */
const WORKER = join(__dirname, '..', '..', 'bin', 'audit-worker.js');

/** Options the batch itself takes; every other option goes to each file's audit unchanged. */
const BATCH_OPTIONS = new Set(['out', 'json', 'lang', 'summary', 'jobs', 'help']);

export const SUMMARY_FILE: Readonly<Record<Lang, string>> = { zh: '汇总.xlsx', en: 'summary.xlsx' };
export const REPORT_FILE = 'audit-report.json';

const isDir = (p: string): boolean => {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
};

/** True when the arguments ask for a batch rather than the single-file audit. */
export function isBatch(args: Parsed): boolean {
  const out = args.values.out;
  return (
    args.positionals.length > 1 ||
    args.positionals.some(isDir) ||
    args.values.summary !== undefined ||
    (typeof out === 'string' && isDir(out))
  );
}

/** The workbooks named: files as given, folders as their .xlsx files (not Excel's ~$ locks). */
export function expandInputs(positionals: readonly string[]): string[] {
  const files: string[] = [];
  for (const p of positionals) {
    if (!isDir(p)) {
      files.push(p);
      continue;
    }
    const inFolder = readdirSync(p)
      .filter((f) => extname(f).toLowerCase() === '.xlsx' && !f.startsWith('~$'))
      .sort()
      .map((f) => join(p, f));
    if (inFolder.length === 0) {
      throw new CliError({
        en: `the folder ${p} holds no .xlsx workbook.`,
        zh: `文件夹 ${p} 中没有 .xlsx 工作簿。`,
      });
    }
    files.push(...inFolder);
  }
  return files;
}

/** DIR/<name> for each input; a name met twice gets " (2)", never another input's file. */
export function outputPaths(inputs: readonly string[], dir: string): string[] {
  const used = new Set<string>();
  const ins = new Set(inputs.map((i) => resolve(i)));
  return inputs.map((input) => {
    const ext = extname(input);
    const stem = basename(input, ext);
    let name = basename(input);
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${stem} (${n})${ext}`;
    used.add(name.toLowerCase());
    const out = join(dir, name);
    if (ins.has(resolve(out))) {
      throw new CliError({
        en: `-o ${dir} would overwrite the input ${input}: give another folder for the outputs.`,
        zh: `-o ${dir} 会覆盖输入文件 ${input}：请为输出另选一个文件夹。`,
      });
    }
    return out;
  });
}

/** The per-file options, as arguments again: whatever the audit command takes passes through. */
export function passThrough(command: Command, values: Parsed['values']): string[] {
  const argv: string[] = [];
  for (const name of Object.keys(command.options)) {
    if (BATCH_OPTIONS.has(name)) continue;
    const v = (values as Record<string, unknown>)[name];
    for (const one of Array.isArray(v) ? v : [v]) {
      if (one === true) argv.push(`--${name}`);
      else if (typeof one === 'string') argv.push(`--${name}`, one);
    }
  }
  if (values.debug === true) argv.push('--debug');
  return argv;
}

function parseJobs(value: unknown): number {
  if (value === undefined) return availableParallelism();
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) {
    throw new CliError({
      en: `--jobs must be a whole number of at least 1, not "${String(value)}".`,
      zh: `--jobs 应为不小于 1 的整数，而不是“${String(value)}”。`,
    });
  }
  return n;
}

/**
 * True when the workers alone take every core. Each worker is its own V8 isolate and optimises
 * the same hot functions again, on V8's helper threads (TurboFan compiles in the background):
 * one audit alone leaves those threads a free core; workers on every core make them take that
 * time from the audits.
 */
export function takesEveryCore(workers: number, cores: number = availableParallelism()): boolean {
  return workers > 1 && workers >= cores;
}

/**
 * Then TurboFan compiles without inlining, which makes its compiles much cheaper. Measured on 2
 * cores, 8 workbooks of 5,000 rows on 2 workers, interleaved with the same run without it on a
 * busy machine: the batch's CPU time lower in 13 of 17 pairs over three sessions, by about 1 s
 * (median of 5 pairs 9.0 → 8.3 s), the wall clock lower in most. One worker is left as it is:
 * its compiles run on the idle core. Only the optimising compiler's choices change, never what
 * the code computes (the batch test compares each workbook's report on one worker and on two).
 *
 * A V8 flag is the process's, not a worker's: Worker's `execArgv` does not take V8 options
 * ("V8 options (such as --max-old-space-size) and options that affect the process (such as
 * --title) are not supported", Node.js 20 docs, worker_threads, new Worker(filename, options)).
 * So it is set with v8.setFlagsFromString before the workers start; its docs warn that a flag
 * changed after start may crash or do nothing. This one is read as each function is optimised
 * (a compile under way keeps its own setting), so it takes effect in the new isolates and was
 * tried flipped in the middle of the main isolate's garbage collection without harm. GC flags
 * were not: --single-threaded-gc flipped so crashed V8 every time (a marking cycle under way),
 * and set at start it did not lower the batch's CPU time.
 */
const EVERY_CORE_FLAGS = '--no-turbo-inlining';

export interface Job {
  readonly index: number;
  readonly argv: readonly string[];
}

export interface Done {
  readonly id: number;
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs the jobs on `threads` worker threads of `script` (the audit worker unless a test gives
 * another); resolves with each job's outcome, in order.
 */
export async function runInWorkers(
  jobs: readonly Job[],
  threads: number,
  env: Io['env'],
  onDone: (done: Done) => void = () => undefined,
  lang: Lang = 'en',
  script: string = WORKER,
): Promise<Done[]> {
  // A worker's own error is internal text: the line says only that this workbook stopped.
  const stopped = (name: string): string =>
    lang === 'zh'
      ? `cm-appraisal: 稽核 ${name} 时意外中止，未写入该工作簿的结果；请加 --debug 单独稽核它并将输出发给技术支持。\n`
      : `cm-appraisal: the audit of ${name} stopped unexpectedly and nothing was written for it; audit it alone with --debug and send the output to support.\n`;
  // A job whose worker died under it, or never reached it.
  const lost = (j: Job): Done => ({
    id: j.index,
    code: EXIT_FAILURE,
    stdout: '',
    stderr: stopped(basename(j.argv[1] ?? '')),
  });
  const results: Done[] = new Array(jobs.length);
  if (takesEveryCore(Math.min(threads, jobs.length))) setFlagsFromString(EVERY_CORE_FLAGS);
  let next = 0;
  const one = (): Promise<void> =>
    new Promise((resolveAll) => {
      const worker = new Worker(script, { workerData: { env: { ...env } } });
      let current: Job | undefined;
      const finish = (d: Done) => {
        results[d.id] = d;
        onDone(d);
      };
      const feed = () => {
        current = jobs[next++];
        if (current === undefined) {
          void worker.terminate().then(() => resolveAll());
          return;
        }
        worker.postMessage({ id: current.index, argv: current.argv });
      };
      worker.on('message', (d: Done) => {
        finish(d);
        feed();
      });
      // A worker that dies takes only its current workbook with it; the others go on.
      const died = () => {
        if (current !== undefined) finish(lost(current));
        current = undefined;
      };
      worker.on('error', died);
      worker.on('exit', () => {
        died();
        resolveAll();
      });
      feed();
    });
  await Promise.all(Array.from({ length: Math.min(threads, jobs.length) }, one));
  // Jobs left by workers that died: reported, never silently missing.
  jobs.forEach((j) => {
    results[j.index] ??= lost(j);
  });
  return results;
}

/** What one file's run said: its JSON report, or the one-line reason it could not run. */
function itemOf(input: string, output: string | null, d: Done, lang: Lang): BatchItem {
  if (d.code !== EXIT_FAILURE) {
    try {
      const report = JSON.parse(d.stdout) as BatchItem['report'];
      return { input, output, exit: d.code, report };
    } catch {
      // Fall through: an unreadable report counts as a failed run.
    }
  }
  const line =
    d.stderr
      .split('\n')
      .map((l) => l.replace(/^cm-appraisal:\s*/, '').trim())
      .find((l) => l !== '') ?? (lang === 'zh' ? '未能稽核。' : 'the audit did not run.');
  return { input, output: null, exit: EXIT_FAILURE, error: line };
}

function itemLine(item: BatchItem, lang: Lang): string {
  const zh = lang === 'zh';
  const name = basename(item.input);
  if (item.report === undefined)
    return zh ? `✗ ${name}：${item.error}` : `✗ ${name}: ${item.error}`;
  const c = item.report.counts;
  const mark = item.exit === EXIT_OK ? '✓' : '!';
  return zh
    ? `${mark} ${name}：${c.rows} 行，${c.mismatches} 处不一致，${countsLine(c, lang)}`
    : `${mark} ${name}: ${c.rows} rows, ${c.mismatches} mismatches, ${countsLine(c, lang)}`;
}

/** Runs the command: the batch, or the single-file audit when only one workbook is meant. */
export async function run(args: Parsed, io: Io): Promise<number> {
  if (!isBatch(args)) return (await import('./audit')).run(args, io);
  const { COMMANDS } = await import('./commands');
  const command = COMMANDS.find((c) => c.name === 'audit') as Command;
  const lang = parseLang(args.values.lang as string | undefined, io.env);
  const zh = lang === 'zh';
  const threads = parseJobs(args.values.jobs);
  const inputs = expandInputs(args.positionals);
  const dir = args.values.out as string | undefined;
  if (dir !== undefined) {
    if (existsSync(dir) && !isDir(dir)) {
      throw new CliError({
        en: `-o ${dir} is a file: for several workbooks, -o names a folder.`,
        zh: `-o ${dir} 是一个文件：稽核多个工作簿时，-o 应指定文件夹。`,
      });
    }
    try {
      mkdirSync(dir, { recursive: true });
    } catch (e) {
      const why = fsReason(e, true);
      throw new CliError({
        en: `cannot make the output folder ${dir}: ${why.en}.`,
        zh: `无法创建输出文件夹 ${dir}：${why.zh}。`,
      });
    }
  }
  const outputs = dir !== undefined ? outputPaths(inputs, dir) : inputs.map(() => null);
  const summaryPath =
    (args.values.summary as string | undefined) ??
    (dir !== undefined ? join(dir, SUMMARY_FILE[lang]) : undefined);
  // Said before any workbook is audited, not after all of them.
  if (summaryPath !== undefined && !isDir(dirname(resolve(summaryPath)))) {
    throw new CliError({
      en: `cannot write the summary ${summaryPath}: its folder does not exist.`,
      zh: `无法写入汇总工作簿 ${summaryPath}：所在文件夹不存在。`,
    });
  }
  const common = passThrough(command, args.values);
  const jobs: Job[] = inputs.map((input, index) => ({
    index,
    argv: [
      'audit',
      input,
      ...(outputs[index] !== null ? ['-o', outputs[index] as string] : []),
      '--json',
      '--lang',
      lang,
      ...common,
    ],
  }));

  const progress = new Progress(io, inputs.length);
  let done: Done[];
  try {
    done = await runInWorkers(
      jobs,
      threads,
      io.env,
      (d) => progress.next(`${zh ? '已稽核' : 'audited'} ${basename(inputs[d.id])}`),
      lang,
    );
  } finally {
    progress.done();
  }
  const items = done.map((d, i) => itemOf(inputs[i], outputs[i], d, lang));
  if (summaryPath !== undefined) await writeSummary(summaryPath, items, lang);
  const failed = items.filter((i) => i.report === undefined).length;
  const report = {
    workbooks: items.length,
    audited: items.length - failed,
    failed,
    jobs: Math.min(threads, inputs.length),
    lang,
    summary: summaryPath ?? null,
    results: items.map((i) => ({
      input: i.input,
      output: i.report !== undefined ? i.output : null,
      exit: i.exit,
      ...(i.report !== undefined ? { report: i.report } : { error: i.error }),
    })),
  };
  const json = `${JSON.stringify(report)}\n`;
  if (dir !== undefined) {
    const { writeFile } = await import('fs/promises');
    const reportPath = join(dir, REPORT_FILE);
    try {
      await writeFile(reportPath, json);
    } catch (e) {
      const why = fsReason(e, true);
      throw new CliError({
        en: `cannot write ${reportPath}: ${why.en}.`,
        zh: `无法写入 ${reportPath}：${why.zh}。`,
      });
    }
  }
  if (args.values.json === true) io.out(json);
  else {
    const lines = items.map((i) => itemLine(i, lang));
    lines.push(
      zh
        ? `共 ${items.length} 个工作簿：稽核 ${items.length - failed} 个，失败 ${failed} 个（${report.jobs} 个线程）。`
        : `${items.length} workbooks: ${items.length - failed} audited, ${failed} failed (${report.jobs} threads).`,
    );
    if (summaryPath !== undefined) lines.push(`${zh ? '汇总：' : 'Summary: '}${summaryPath}`);
    if (dir !== undefined) lines.push(`${zh ? '报告：' : 'Report: '}${join(dir, REPORT_FILE)}`);
    io.out(`${lines.join('\n')}\n`);
  }
  if (failed > 0) return EXIT_FAILURE;
  return items.some((i) => i.exit !== EXIT_OK) ? EXIT_FINDINGS : EXIT_OK;
}
