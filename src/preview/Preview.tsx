/**
 * The browser preview: the real task pane (`<App host={host} />`) beside a view of the
 * workbook it works on, with Open and Save for .xlsx files. No Excel, no Office.js: the
 * headless engine runs in a Web Worker (worker-host.ts), and so do Validate and Audit, with
 * progress and Cancel, so the page never freezes on a large workbook.
 */
import {
  Body1,
  Button,
  Caption1,
  makeStyles,
  mergeClasses,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle2,
  tokens,
} from '@fluentui/react-components';
import { useRef, useState } from 'react';
import { BUILT_IN_STATE, type PolicyState } from '../policy/deployed';
import { loadPolicyJson, problemLine } from '../policy/load';
import type { Lang, Policy } from '../rules';
import { App } from '../taskpane/App';
import { PREVIEW_STRINGS } from './strings';
import { WorkbookView } from './WorkbookView';
import { WorkerHost } from './worker-host';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const useStyles = makeStyles({
  page: {
    display: 'flex',
    flexDirection: 'column',
    height: '100vh',
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
  },
  top: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
    paddingLeft: tokens.spacingHorizontalL,
    paddingRight: tokens.spacingHorizontalL,
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
  },
  titles: { display: 'flex', flexDirection: 'column', marginRight: 'auto', minWidth: 0 },
  file: { color: tokens.colorNeutralForegroundOnBrand, fontWeight: tokens.fontWeightSemibold },
  hidden: { display: 'none' },
  main: {
    display: 'flex',
    flexGrow: 1,
    minHeight: 0,
    // Narrow screens: the grid above, the pane below it at full width, the page scrolls.
    '@media (max-width: 700px)': { flexDirection: 'column', minHeight: 'auto' },
  },
  narrowPage: {
    '@media (max-width: 700px)': { height: 'auto', minHeight: '100vh' },
  },
  pane: {
    width: '380px',
    flexShrink: 0,
    overflowY: 'auto',
    backgroundColor: tokens.colorNeutralBackground1,
    borderLeftWidth: tokens.strokeWidthThin,
    borderLeftStyle: 'solid',
    borderLeftColor: tokens.colorNeutralStroke1,
    '@media (max-width: 700px)': {
      width: '100%',
      overflowY: 'visible',
      borderLeftStyle: 'none',
      borderTopWidth: tokens.strokeWidthThick,
      borderTopStyle: 'solid',
      borderTopColor: tokens.colorNeutralStroke1,
    },
  },
  loading: { margin: 'auto' },
});

export interface Opened {
  readonly host: WorkerHost;
  readonly name: string;
}

/**
 * Opens .xlsx bytes in a new engine worker (the bytes are handed over to it); throws the
 * engine's readable error when it cannot. The CM functions evaluate under `policy`.
 */
export async function openWorkbook(
  bytes: ArrayBuffer | Uint8Array,
  name: string,
  policy?: Policy,
): Promise<Opened> {
  const data = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  return { host: await WorkerHost.open(data, name, policy), name };
}

export function Preview({
  initial,
  initialLang,
  loadError,
  initialPolicy = BUILT_IN_STATE,
}: {
  readonly initial?: Opened;
  readonly initialLang: Lang;
  readonly loadError?: string;
  /** The policy deployed beside preview.html (policy.json), else the built-in one. */
  readonly initialPolicy?: PolicyState;
}) {
  const styles = useStyles();
  const [lang, setLang] = useState<Lang>(initialLang);
  const [opened, setOpened] = useState<Opened | undefined>(initial);
  const [generation, setGeneration] = useState(0);
  const [problem, setProblem] = useState<string | undefined>(loadError);
  const [busy, setBusy] = useState(false);
  const [opening, setOpening] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const policyInput = useRef<HTMLInputElement>(null);
  const [policyState, setPolicyState] = useState<PolicyState>(initialPolicy);
  const activePolicy = policyState.kind === 'refused' ? undefined : policyState.policy;
  const t = PREVIEW_STRINGS[lang];

  const open = async (file: File) => {
    setBusy(true);
    setOpening(true);
    try {
      const next = await openWorkbook(await file.arrayBuffer(), file.name, activePolicy);
      opened?.host.close();
      setOpened(next);
      setGeneration((g) => g + 1);
      setProblem(undefined);
    } catch (e) {
      setProblem(t.openFailed(file.name, e instanceof Error ? e.message : String(e)));
    } finally {
      setBusy(false);
      setOpening(false);
    }
  };

  /** Try a draft policy file on the open workbook: recalculated under it, pane included. */
  const openPolicy = async (file: File) => {
    setBusy(true);
    setOpening(true);
    try {
      const loaded = loadPolicyJson(await file.text());
      if (!loaded.ok) {
        setProblem(
          t.policyRefused(
            file.name,
            loaded.problems.map((p) => problemLine(p, lang)),
          ),
        );
        return;
      }
      if (opened) {
        const bytes = await opened.host.save();
        const next = await openWorkbook(bytes, opened.name, loaded.policy);
        opened.host.close();
        setOpened(next);
      }
      setPolicyState({ kind: 'draft', policy: loaded.policy, name: file.name });
      setGeneration((g) => g + 1);
      setProblem(undefined);
    } catch (e) {
      setProblem(t.openFailed(file.name, e instanceof Error ? e.message : String(e)));
    } finally {
      setBusy(false);
      setOpening(false);
    }
  };

  const save = async () => {
    if (!opened) return;
    setBusy(true);
    try {
      const bytes = await opened.host.save();
      const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: XLSX_TYPE }));
      const a = document.createElement('a');
      a.href = url;
      a.download = /\.xlsx$/i.test(opened.name) ? opened.name : `${opened.name}.xlsx`;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (e) {
      setProblem(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div
      className={mergeClasses(styles.page, styles.narrowPage)}
      lang={lang === 'zh' ? 'zh-CN' : 'en'}
    >
      <header className={styles.top}>
        <div className={styles.titles}>
          <Subtitle2 as="h1">{t.title}</Subtitle2>
          <Caption1>{t.subtitle}</Caption1>
        </div>
        {opened && (
          <Body1 className={styles.file} data-testid="file-name">
            {opened.name}
          </Body1>
        )}
        <input
          ref={fileInput}
          type="file"
          accept=".xlsx,.xlsm"
          className={styles.hidden}
          data-testid="open-file"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void open(file);
          }}
        />
        {/* The engine works in its worker: the page stays alive and says so while it waits. */}
        {opening && opened && (
          <Spinner size="tiny" appearance="inverted" label={t.loading} data-testid="opening" />
        )}
        <Button onClick={() => fileInput.current?.click()} disabled={busy}>
          {t.open}
        </Button>
        <input
          ref={policyInput}
          type="file"
          accept=".json,application/json"
          className={styles.hidden}
          data-testid="open-policy"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void openPolicy(file);
          }}
        />
        <Button onClick={() => policyInput.current?.click()} disabled={busy}>
          {t.openPolicy}
        </Button>
        <Button appearance="primary" onClick={() => void save()} disabled={busy || !opened}>
          {t.save}
        </Button>
      </header>
      {problem && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{problem}</MessageBarBody>
        </MessageBar>
      )}
      <main className={styles.main}>
        {opened ? (
          <WorkbookView key={`view-${generation}`} host={opened.host} t={t} />
        ) : (
          <div className={styles.loading}>{!problem && <Spinner label={t.loading} />}</div>
        )}
        <aside className={styles.pane} aria-label={t.title}>
          {opened && (
            <App
              key={`pane-${generation}`}
              host={opened.host}
              initialLang={lang}
              onLangChange={setLang}
              policyState={policyState}
              workflows={opened.host.workflows}
            />
          )}
        </aside>
      </main>
    </div>
  );
}
