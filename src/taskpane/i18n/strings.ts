/**
 * The shape of the task pane's dictionary: every string the UI shows. One file per language
 * (en.ts, zh.ts) fills it in; the compiler keeps them complete.
 */
import type { FindingRule } from '../../sheets/findings';
import type { Phase } from '../workflows/progress';

export type ScoreItemKey = 'deposit' | 'npl' | 'collection' | 'fourth' | 'total';

export interface Strings {
  readonly appTitle: string;
  readonly language: string;
  readonly languageNames: { readonly zh: string; readonly en: string };
  readonly noOffice: string;
  readonly tabs: {
    readonly validate: string;
    readonly audit: string;
    readonly explain: string;
    readonly policy: string;
    readonly functions: string;
  };
  readonly common: {
    readonly cancel: string;
    readonly cancelled: string;
    /** Shown instead of a working Cancel once a run writes to the workbook. */
    readonly writingNoCancel: string;
    readonly errorTitle: string;
    readonly progress: string;
    readonly phases: Readonly<Record<Phase, string>>;
    readonly readingSheet: (sheet: string) => string;
    readonly severity: { readonly error: string; readonly warning: string };
    readonly cell: string;
    readonly article: string;
    readonly message: string;
    /** `: ` in English, `：` in Chinese, between a label and its value. */
    readonly colon: string;
  };
  readonly validate: {
    readonly heading: string;
    readonly scope: string;
    readonly activeSheet: string;
    readonly wholeWorkbook: string;
    /** What the summary names when the whole workbook was checked. */
    readonly theWorkbook: string;
    readonly stale: string;
    readonly again: string;
    /** In Excel: choosing a finding selects its cell; the keyboard goes there with F6. */
    readonly selectHintExcel: string;
    readonly tableOption: (table: string, sheet: string) => string;
    readonly run: string;
    readonly running: string;
    readonly noFindings: (rows: number) => string;
    readonly noTable: string;
    readonly summary: (errors: number, warnings: number, rows: number, sheet: string) => string;
    readonly highlight: string;
    readonly marksWritten: (n: number) => string;
    readonly marksCleared: string;
    readonly selectHint: string;
    readonly rules: Readonly<Record<FindingRule, string>>;
    readonly groupCount: (n: number) => string;
  };
  readonly audit: {
    readonly heading: string;
    readonly intro: string;
    readonly run: string;
    readonly running: string;
    readonly summaryHeading: string;
    readonly workbook: string;
    readonly when: string;
    readonly who: string;
    readonly tables: string;
    readonly rows: string;
    readonly mismatches: string;
    readonly stale: string;
    readonly errors: string;
    readonly warnings: string;
    readonly policyVersion: string;
    readonly recordHash: string;
    readonly recordSeq: string;
    readonly reportSheet: string;
    readonly logSheet: string;
    readonly done: (mismatches: number, errors: number) => string;
    readonly logNotAppended: (reason: string) => string;
    readonly verify: string;
    readonly verifying: string;
    readonly logOk: (records: number) => string;
    readonly logEmpty: string;
    readonly logBad: (record: number, reason: string) => string;
    readonly fromRibbon: string;
    /** The auditor's name field (asked once, remembered on this machine). */
    readonly auditor: string;
    readonly auditorHint: string;
    readonly auditorMissing: string;
    readonly reportedMismatches: string;
    readonly busy: string;
    readonly compared: string;
    readonly logNote: (note: string) => string;
  };
  /** The auditor's signing key and the signer of each log record (SHEETS.md "Audit log integrity"). */
  readonly signing: {
    readonly heading: string;
    readonly intro: string;
    readonly create: string;
    readonly creating: string;
    readonly needName: string;
    readonly owner: string;
    readonly fingerprint: string;
    readonly exportKey: string;
    readonly exportHint: string;
    readonly publicKey: string;
    readonly unavailable: (reason: string) => string;
    /** Why: this page has no WebCrypto key storage. */
    readonly noKeyStore: string;
    readonly unsignedRecord: string;
    readonly signedBy: (name: string) => string;
    readonly trustNone: string;
    readonly trustLoaded: (count: number) => string;
    readonly trustBad: (reason: string) => string;
    readonly signersHeading: string;
    readonly record: (n: number, seq: number) => string;
    readonly anchor: string;
    readonly status: {
      readonly trusted: (name: string) => string;
      readonly unknown: (fingerprint: string) => string;
      readonly unsigned: string;
      readonly bad: (name: string) => string;
      readonly unverified: (fingerprint: string) => string;
    };
    readonly signaturesBad: (problems: number) => string;
    readonly signaturesOk: (records: number) => string;
  };
  readonly explain: {
    readonly heading: string;
    readonly refresh: string;
    readonly selected: (cell: string) => string;
    readonly noCm: (cell: string) => string;
    readonly unknownFunction: (name: string) => string;
    readonly didYouMean: (name: string) => string;
    /** The selected cell was filled by a spill from `anchor` (result `range`). */
    readonly spilled: (cell: string, anchor: string, range: string) => string;
    readonly unsupportedArg: (param: string, text: string) => string;
    readonly upstream: (param: string, error: string) => string;
    readonly argsHeading: string;
    readonly param: string;
    readonly written: string;
    readonly value: string;
    readonly omitted: (defaultText: string | undefined) => string;
    readonly blank: string;
    readonly result: string;
    readonly decidingRule: string;
    readonly itemsHeading: string;
    readonly item: string;
    readonly points: string;
    readonly how: string;
    readonly items: Readonly<Record<ScoreItemKey, string>>;
    readonly errorHeading: (code: string, param: string) => string;
    readonly lifted: string;
  };
  readonly policy: {
    readonly heading: string;
    readonly name: string;
    readonly version: string;
    readonly hash: string;
    /** Where the active policy comes from (src/policy/deployed.ts). */
    readonly origin: string;
    readonly builtIn: string;
    readonly deployed: (url: string) => string;
    readonly draft: (name: string) => string;
    readonly refused: (url: string) => string;
    readonly refusedHelp: string;
    readonly what: string;
    readonly value: string;
    readonly source: string;
    readonly sections: {
      readonly score: string;
      readonly outcome: string;
      readonly collectionDuty: string;
      readonly reserve: string;
      readonly authority: string;
      readonly tier: string;
      readonly promotion: string;
      readonly qualification: string;
    };
    readonly depositItem: (role: string) => string;
    readonly nplBand: string;
    readonly collectionItem: string;
    readonly fourthItem: (role: string) => string;
    readonly totalRange: (role: string) => string;
    readonly linear: (
      base: string,
      target: string,
      per: string,
      step: string,
      range: string,
    ) => string;
    readonly proportional: (points: string, target: string) => string;
    readonly bandPoints: (band: string, points: string) => string;
    readonly thresholds: {
      readonly majorViolation: string;
      readonly violationPoints: string;
      readonly accidentLoss: string;
      readonly managerTerminateScore: string;
      readonly branchHeadRepeat: string;
      readonly branchHeadScore: string;
      readonly branchHeadNpl: string;
      readonly branchHeadDepositCompletion: string;
      readonly branchHeadCollectionCompletion: string;
      readonly managerScore: string;
      readonly managerCollectionRate: string;
      readonly managerMonthsBelowBase: string;
      readonly belowBaseRatio: string;
      readonly demotion: string;
      readonly overall: string;
      readonly newLoans: string;
      readonly provisionalDeposits: string;
    };
    readonly quantities: {
      readonly score: string;
      readonly points: string;
      readonly loss: string;
      readonly demotions: string;
      readonly npl: string;
      readonly completion: string;
      readonly rate: string;
      readonly months: string;
      readonly ratio: string;
      readonly deposits: string;
      readonly loans: string;
      readonly amount: string;
    };
    readonly reserveRate: string;
    readonly reserveCap: (role: string) => string;
    readonly refundAfter: string;
    readonly monthsUnit: (n: string) => string;
    readonly authorityLimit: (role: string) => string;
    readonly authorityAbove: string;
    readonly tierRule: (grade: string) => string;
    readonly tierGap: string;
    readonly any: string;
    readonly all: string;
    readonly promotionWindow: string;
    readonly promotionCondition: (months: string, deposits: string) => string;
  };
  readonly functions: {
    readonly heading: string;
    readonly intro: string;
    /** Where the one-call range form works (outside Tables) and where per-row formulas are needed. */
    readonly ranges: string;
    readonly params: string;
    readonly noParams: string;
    readonly optional: string;
    readonly required: string;
    readonly defaultIs: (text: string) => string;
    readonly returns: string;
    readonly example: string;
    readonly insert: (name: string) => string;
    readonly inserted: (formula: string, cell: string) => string;
    readonly search: string;
    readonly clear: string;
    readonly noMatch: (text: string) => string;
  };
}
