/** @jest-environment jsdom */
/**
 * Issue 13: in Chinese mode every word a user reads is Chinese, in English mode English. Walks
 * every view (Validate with its findings and highlights, Audit with its summary, Explain of a
 * score and of an error, Policy, Functions) and the report sheet the audit writes, and fails on
 * a stray word. Allowed in Chinese: function names and codes (upper case: CM.APPRAISAL_SCORE,
 * SENIOR, #NUM!, TRUE), cell addresses, formulas, numbers, hashes, and the product names
 * Excel / SHA-256 / xlsx. In English: no Chinese, except the policy's quoted original words
 * (marked lang="zh-CN") and the user's own data (sheet, table and people's names, headers).
 * New strings added by others are scanned too: the test walks the rendered page, not a list.
 */
import './setup';
import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DEFAULT_POLICY, policyVersionText, type Lang } from '../../src/rules';
import { AUDITOR_KEY } from '../../src/taskpane/auditor';
import { LOG_SHEET, REPORT_SHEET } from '../../src/taskpane/workflows';
import { DICTIONARIES } from '../../src/taskpane/i18n';
import { appraisalHost, APPRAISAL, SHEET } from './fixtures';
import { renderApp } from './render';

/** The user's own words: sheet and table names, headers, people, ids, the auditor. */
const USER_DATA = [
  SHEET,
  'Notes',
  'free text',
  'Appraisal',
  '李审计',
  ...APPRAISAL.flat().filter((x): x is string => typeof x === 'string' && !x.startsWith('=')),
].sort((a, b) => b.length - a.length);

/**
 * Words quoted as values, not prose: what a user may type into a cell (role names, 是/否, the
 * headers a table is recognised by), the fixed names of the add-in's own sheets (one log per
 * workbook in every language), the policy's identity as the log stores it, and function
 * results (CM.LABEL gives 降级).
 */
const VALUES = [
  ...['支行行长', '高级', '中级', '初级', '代办员', '是', '否', '基数存款', '降级'],
  REPORT_SHEET,
  LOG_SHEET,
  DEFAULT_POLICY.name.zh,
  policyVersionText(DEFAULT_POLICY),
  policyVersionText(DEFAULT_POLICY).replace(/(sha256:[0-9a-f]{8})[0-9a-f]*/, '$1'),
];

const ALLOWED_EN_WORDS = new Set(['Excel', 'xlsx', 'SHA', 'CM', 'e']);

/** Text a reader sees under `root`, minus elements quoting another language. */
function visibleText(root: Element, lang: Lang): string[] {
  const out: string[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n !== null; n = walker.nextNode()) {
    const el = n.parentElement;
    // Hidden text, and code samples (a formula and the value it returns, translate="no").
    if (!el || el.closest('[hidden],script,style,[aria-hidden="true"],[translate="no"]')) continue;
    // Text marked as another language (a quoted original, a language's own name) is skipped.
    const marked = el.closest('[lang]')?.getAttribute('lang') ?? lang;
    if (!marked.startsWith(lang)) continue;
    const text = n.textContent?.trim();
    if (text) out.push(text);
  }
  // Attribute text a reader meets too: placeholders, titles, labels.
  for (const el of root.querySelectorAll('[placeholder],[title],[aria-label]')) {
    for (const a of ['placeholder', 'title', 'aria-label']) {
      const v = el.getAttribute(a)?.trim();
      if (v) out.push(v);
    }
  }
  return out;
}

function withoutUserData(text: string): string {
  let t = text;
  for (const d of [...USER_DATA, ...VALUES]) t = t.split(d).join(' ');
  return t;
}

/** Stray English in a Chinese text: words that are not codes, formulas, numbers or hashes. */
function strayEnglish(text: string): string[] {
  const t = withoutUserData(text)
    // Formulas and function calls, as typed.
    .replace(/=?(?:CM\.|_xldudf_CM_)?[A-Z][A-Z0-9_.]*\([^)]*\)/g, ' ')
    .replace(/CM\.[A-Z_]+/g, ' ')
    // Hex hashes and version strings.
    .replace(/\b[0-9a-f]{8,}\b/g, ' ')
    // Text values inside quotes ("zh", "en"), as a formula takes them.
    .replace(/"[^"]*"/g, ' ')
    .replace(/sha256:[0-9a-f…]*/g, ' ')
    // File names the administrator deploys or the user opens (policy.json, trust.json).
    .replace(/\b[\w.-]+\.(?:json|xlsx)\b/g, ' ');
  const words = t.match(/[A-Za-z][A-Za-z'’]*(?:-[A-Za-z]+)*/g) ?? [];
  return words.filter((w) => !/^[A-Z][A-Z0-9_]*$/.test(w) && !ALLOWED_EN_WORDS.has(w));
}

function strayChinese(text: string): string[] {
  return withoutUserData(text).match(/[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]+/g) ?? [];
}

async function walkViews(lang: Lang): Promise<{ texts: string[]; report: string[] }> {
  const host = appraisalHost({ selection: { sheet: SHEET, address: 'H2' } });
  const t = DICTIONARIES[lang];
  const { container } = await renderApp({ host, initialLang: lang });
  const texts: string[] = [];
  const grab = () => texts.push(...visibleText(container, lang));

  // Validate: findings, highlights on, then out of date after an edit.
  await userEvent.click(screen.getByRole('button', { name: t.validate.run }));
  await screen.findAllByRole('heading', { level: 3 });
  await userEvent.click(screen.getByRole('switch'));
  await waitFor(() => expect(host.marked.length).toBeGreaterThan(0));
  await act(async () => host.userEdits(SHEET, 'I3', 0.25));
  await screen.findByText(t.validate.stale);
  grab();

  // Audit: the summary.
  await userEvent.click(screen.getByRole('tab', { name: t.tabs.audit }));
  await userEvent.click(screen.getByRole('button', { name: t.audit.run }));
  await screen.findByRole('heading', { name: t.audit.summaryHeading });
  grab();

  // Explain: a score, then an error cell.
  await userEvent.click(screen.getByRole('tab', { name: t.tabs.explain }));
  await screen.findByText(t.explain.itemsHeading);
  grab();
  host.selection = { sheet: SHEET, address: 'H4' };
  await userEvent.click(screen.getByRole('button', { name: t.explain.refresh }));
  await screen.findByText(/#NUM!/);
  grab();

  // Policy and Functions.
  await userEvent.click(screen.getByRole('tab', { name: t.tabs.policy }));
  await screen.findByRole('heading', { name: t.policy.sections.score });
  grab();
  await userEvent.click(screen.getByRole('tab', { name: t.tabs.functions }));
  await screen.findByText(t.functions.intro);
  grab();

  const report = (host.sheets.get(REPORT_SHEET)?.values ?? [])
    .flat()
    .filter((x): x is string => typeof x === 'string');
  return { texts, report };
}

describe('language scan', () => {
  beforeEach(() => localStorage.setItem(AUDITOR_KEY, '李审计'));
  afterEach(() => localStorage.clear());

  it('Chinese mode: no stray English word in any view or in the report sheet', async () => {
    const { texts, report } = await walkViews('zh');
    expect(report.length).toBeGreaterThan(20);
    const stray = [...texts, ...report].flatMap((x) =>
      strayEnglish(x).map((w) => `${w}  ←  ${x.slice(0, 80)}`),
    );
    expect(stray).toEqual([]);
    expect(document.documentElement.lang).toBe('zh-CN');
  });

  it('English mode: no Chinese in any view or in the report sheet', async () => {
    const { texts, report } = await walkViews('en');
    expect(report.length).toBeGreaterThan(20);
    const stray = [...texts, ...report].flatMap((x) =>
      strayChinese(x).map((w) => `${w}  ←  ${x.slice(0, 80)}`),
    );
    expect(stray).toEqual([]);
    expect(document.documentElement.lang).toBe('en');
  });
});
