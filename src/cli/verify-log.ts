/**
 * `cm-appraisal verify-log <in.xlsx> [--head HASH] [--json]`: the audit office's check of a
 * workbook's audit log (SHEETS.md "Audit log integrity") without writing anything: the one log
 * found by its marker, every record's hash and link, and its end against the head anchor kept
 * in the add-in's document settings inside the file (and against --head when given).
 * Exit 0: intact (one log, chain unbroken, ends at its anchor) and, with --policy FILE, the last
 * record made under that policy; 1: anything else.
 */
import { displayTime, type LogCheck, type RecordCheck } from '../sheets';
import { signerText, type SignedLogCheck } from '../sheets/log-signatures';
import { policyHash, type Lang, type Text } from '../rules';
import type { Parsed } from './command';
import { CliError, EXIT_FINDINGS, EXIT_OK, parseLang, type Io } from './io';
import { readTrustList } from './key-files';
import { addinDocument, logState } from './log-state';
import { policyOption } from './policy-file';
import { fileName, openWorkbook, ownSheets } from './workbook';

const STATE_TEXT: Readonly<Record<RecordCheck['state'], Text>> = {
  ok: { en: 'ok', zh: '完好' },
  edited: { en: 'EDITED', zh: '已被修改' },
  unlinked: { en: 'NOT LINKED', zh: '链接断开' },
  sequence: { en: 'WRONG NUMBER', zh: '序号错误' },
  'after-break': { en: 'after the break (unverified)', zh: '位于断点之后（未验证）' },
};

/** Intact: exactly one log, no problem, and its end vouched for by an anchor. */
export function intact(check: LogCheck): boolean {
  return check.ok && check.sheets.length === 1 && check.anchorState === 'ok';
}

/** Why it is not intact, beside the check's own problems (no log; no anchor). */
function extraProblems(check: LogCheck): Text[] {
  const out: Text[] = [];
  if (check.sheets.length === 0 && check.anchorState !== 'count') {
    out.push({
      en: 'the workbook holds no audit log (no sheet carries the log header seq, when, … hash).',
      zh: '工作簿中没有稽核日志（没有工作表带有日志表头 seq、when…hash）。',
    });
  }
  if (check.anchorState === 'missing') out.push(...check.notes);
  return out;
}

function textReport(path: string, check: SignedLogCheck, lang: Lang): string {
  const zh = lang === 'zh';
  const lines: string[] = [];
  const ok = intact(check);
  lines.push(
    zh
      ? `${fileName(path)}：稽核日志${ok ? '完整' : '未通过校验'}。`
      : `${fileName(path)}: the audit log is ${ok ? 'intact' : 'NOT intact'}.`,
  );
  if (check.sheet !== undefined) {
    lines.push(
      zh
        ? `日志表“${check.sheet}”，${check.records.length} 条记录。`
        : `Log sheet "${check.sheet}", ${check.records.length} ${check.records.length === 1 ? 'record' : 'records'}.`,
    );
  }
  for (const r of check.perRecord) {
    const rec = check.records[r.n - 1];
    const who = rec?.who || (zh ? '未知用户' : 'unknown user');
    const when = rec ? displayTime(rec.when) : '';
    const signer = check.signatures.records[r.n - 1];
    lines.push(
      `  #${r.n} ${zh ? '序号' : 'seq'} ${r.seq}  ${when}  ${who}  ${r.hash.slice(0, 16)}…  ${STATE_TEXT[r.state][lang]}${signer ? `  ${signerText(signer)[lang]}` : ''}`,
    );
  }
  const anchor = check.anchor;
  lines.push(
    anchor
      ? zh
        ? `锚点：${anchor.count} 条记录，末条哈希 ${anchor.hash}`
        : `Anchor: ${anchor.count} records, head ${anchor.hash}`
      : zh
        ? '锚点：无'
        : 'Anchor: none',
  );
  if (check.signatures.anchor) {
    const s = signerText(check.signatures.anchor)[lang];
    lines.push(zh ? `锚点签名：${s}` : `Anchor signature: ${s}`);
  }
  lines.push(
    check.signatures.judged
      ? zh
        ? '签名已依据信任名单核验。'
        : 'Signatures judged against the trust list.'
      : zh
        ? '未指定 --trust：签名仅列出，未核验。'
        : 'No --trust given: signatures are listed, not checked.',
  );
  for (const p of [...check.problems, ...extraProblems(check)]) {
    lines.push(`${zh ? '问题：' : 'Problem: '}${p[lang]}`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * With --policy FILE: which records were made under that policy (by its hash) and whether the
 * last one was, so an audit under a draft is never taken for one under the approved policy.
 */
interface PolicyMatch {
  readonly source: string;
  readonly version: string;
  readonly hash: string;
  /** Record numbers (1-based) made under another policy, with its version text. */
  readonly other: readonly { readonly n: number; readonly policyVersion: string }[];
  /** True when the log has a last record and it was made under this policy. */
  readonly lastMatches: boolean;
}

function policyLines(m: PolicyMatch, lang: Lang): string[] {
  const zh = lang === 'zh';
  const lines = [
    zh
      ? `办法：${m.source}（${m.version}，sha256:${m.hash}）；末条记录${m.lastMatches ? '是' : '不是'}按此办法稽核的。`
      : `Policy: ${m.source} (${m.version}, sha256:${m.hash}); the last record was ${m.lastMatches ? '' : 'NOT '}made under it.`,
  ];
  for (const o of m.other) {
    lines.push(
      zh
        ? `  #${o.n} 按其他办法稽核：${o.policyVersion}`
        : `  #${o.n} made under another policy: ${o.policyVersion}`,
    );
  }
  return lines;
}

export async function run(args: Parsed, io: Io): Promise<number> {
  const lang = parseLang(args.values.lang as string | undefined, io.env);
  const path = args.positionals[0];
  const head = args.values.head as string | undefined;
  if (head !== undefined && !/^[0-9a-fA-F]{64}$/.test(head)) {
    throw new CliError({
      en: `--head must be a SHA-256 hash of 64 hex digits, not "${head}".`,
      zh: `--head 应为 64 位十六进制的 SHA-256 哈希值，而不是“${head}”。`,
    });
  }
  const trustFile = args.values.trust as string | undefined;
  const trust = trustFile !== undefined ? await readTrustList(trustFile) : undefined;
  const given = typeof args.values.policy === 'string' ? await policyOption(args, lang) : undefined;
  // The workbook first: a file it refuses (over a limit, damaged) is never read further.
  const wb = await openWorkbook(path);
  const doc = await addinDocument(path);
  const check = await logState(wb, ownSheets(wb), doc, trust, head?.toLowerCase());
  let match: PolicyMatch | undefined;
  if (given !== undefined) {
    const hash = policyHash(given.policy);
    const last = check.records[check.records.length - 1];
    match = {
      source: given.source,
      version: given.policy.version,
      hash,
      other: check.records
        .map((r, i) => ({ n: i + 1, policyVersion: r.policyVersion, policyHash: r.policyHash }))
        .filter((r) => r.policyHash !== hash)
        .map(({ n, policyVersion }) => ({ n, policyVersion })),
      lastMatches: last !== undefined && last.policyHash === hash,
    };
  }
  const ok = intact(check) && (match === undefined || match.lastMatches);
  if (args.values.json === true) {
    const text = (t: Text) => t[lang];
    io.out(
      `${JSON.stringify({
        workbook: fileName(path),
        intact: ok,
        sheet: check.sheet ?? null,
        sheets: check.sheets,
        anchor: check.anchor ?? null,
        anchorState: check.anchorState,
        firstBad: check.firstBad ?? null,
        records: check.perRecord.map((r) => {
          const rec = check.records[r.n - 1];
          return {
            n: r.n,
            seq: r.seq,
            when: rec?.when ?? null,
            who: rec?.who ?? null,
            hash: r.hash,
            prevHash: rec?.prevHash ?? null,
            state: r.state,
            signer: check.signatures.records[r.n - 1] ?? null,
            ...(r.problem ? { problem: text(r.problem) } : {}),
          };
        }),
        problems: [...check.problems, ...extraProblems(check)].map(text),
        signatures: {
          judged: check.signatures.judged,
          ok: check.signatures.ok,
          anchor: check.signatures.anchor ?? null,
        },
        ...(match ? { policy: match } : {}),
      })}\n`,
    );
  } else {
    io.out(textReport(path, check, lang));
    if (match) io.out(`${policyLines(match, lang).join('\n')}\n`);
  }
  return ok ? EXIT_OK : EXIT_FINDINGS;
}
