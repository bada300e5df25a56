/**
 * The task pane: Validate, Audit, Explain, Policy and Functions, in Chinese or English. Takes
 * its WorkbookHost as a prop (OfficeHost in Excel, a LocalHost in a browser preview) and
 * touches no Office global.
 */
import {
  makeStyles,
  MessageBar,
  MessageBarBody,
  Select,
  Tab,
  TabList,
  Title3,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useId, useMemo, useState } from 'react';
import type { WorkbookHost } from '../host/port';
import { problemLine } from '../policy/load';
import type { PolicyState } from '../policy/deployed';
import { DEFAULT_POLICY, type Lang, type Policy } from '../rules';
import { defaultKeyStore, type KeyStore } from '../signing/key-store';
import type { DeployedTrust } from './workflows/trust';
import { DICTIONARIES, LangContext } from './i18n';
import { AuditView } from './views/AuditView';
import { ExplainView } from './views/ExplainView';
import { FunctionsView } from './views/FunctionsView';
import { PolicyView } from './views/PolicyView';
import { ValidateView } from './views/ValidateView';
import { IN_PAGE, lastAudit, type AuditChannel, type PaneWorkflows } from './workflows';

export const TABS = ['validate', 'audit', 'explain', 'policy', 'functions'] as const;
export type TabKey = (typeof TABS)[number];

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    // Excel's pane is 320–350 px wide: nothing may push it wider (no horizontal scrolling).
    minWidth: 0,
    maxWidth: '100%',
    boxSizing: 'border-box',
    overflowWrap: 'anywhere',
    paddingLeft: tokens.spacingHorizontalM,
    paddingRight: tokens.spacingHorizontalM,
    paddingTop: tokens.spacingVerticalS,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  header: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalS,
  },
  lang: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalS },
  tabs: { flexWrap: 'wrap' },
  title: { margin: 0 },
});

export interface AppProps {
  readonly host: WorkbookHost;
  readonly initialLang?: Lang;
  readonly initialTab?: TabKey;
  readonly policy?: Policy;
  /**
   * The active policy and where it comes from (src/policy/deployed.ts); overrides `policy`. A
   * refused file shows its problems and nothing else: no view computes under another policy.
   */
  readonly policyState?: PolicyState;
  /** Where the ribbon's Audit button publishes its summary; the page's channel by default. */
  readonly auditChannel?: AuditChannel;
  /** Told when the user switches language (the browser preview follows the pane). */
  readonly onLangChange?: (lang: Lang) => void;
  /**
   * Where the auditor's signing key is kept: IndexedDB of the add-in's origin by default;
   * null where nothing is signed.
   */
  readonly keyStore?: KeyStore | null;
  /** The trust list deployed beside the add-in; fetched from trust.json by default. */
  readonly loadTrust?: () => Promise<DeployedTrust>;
  /** Where Validate and Audit run: in the page by default; the browser preview's worker. */
  readonly workflows?: PaneWorkflows;
}

// One store for the page: the key is loaded once, whichever App mounts.
let pageKeyStore: KeyStore | undefined | null = null;
function pageStore(): KeyStore | undefined {
  if (pageKeyStore === null) pageKeyStore = defaultKeyStore();
  return pageKeyStore;
}

export function App({
  host,
  initialLang = 'en',
  initialTab = 'validate',
  policy: policyProp = DEFAULT_POLICY,
  policyState,
  auditChannel = lastAudit,
  onLangChange,
  keyStore,
  loadTrust,
  workflows = IN_PAGE,
}: AppProps) {
  const styles = useStyles();
  const store = useMemo(
    () => (keyStore === null ? undefined : (keyStore ?? pageStore())),
    [keyStore],
  );
  const [lang, setLang] = useState<Lang>(initialLang);
  const [tab, setTab] = useState<TabKey>(initialTab);
  const langId = useId();
  const context = useMemo(() => ({ lang, t: DICTIONARIES[lang] }), [lang]);
  const t = context.t;
  const state: PolicyState = policyState ?? { kind: 'built-in', policy: policyProp };

  // The page's language follows the pane's (<html lang>), for screen readers and fonts.
  useEffect(() => {
    if (typeof document !== 'undefined') {
      document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    }
  }, [lang]);

  // The ribbon's Audit button ran: show its summary.
  useEffect(() => auditChannel.subscribe(() => setTab('audit')), [auditChannel]);

  const panel = (key: TabKey) => ({
    role: 'tabpanel',
    id: `panel-${key}`,
    'aria-labelledby': `tab-${key}`,
    hidden: tab !== key,
  });

  return (
    <LangContext.Provider value={context}>
      <div className={styles.root} lang={lang === 'zh' ? 'zh-CN' : 'en'}>
        <header className={styles.header}>
          <Title3 as="h1" className={styles.title}>
            {t.appTitle}
          </Title3>
          <div className={styles.lang}>
            <label htmlFor={langId}>{t.language}</label>
            <Select
              id={langId}
              size="small"
              value={lang}
              onChange={(_, d) => {
                setLang(d.value as Lang);
                onLangChange?.(d.value as Lang);
              }}
            >
              {/* Each language named in itself (and marked so), as language pickers do. */}
              <option value="zh" lang="zh-CN">
                {t.languageNames.zh}
              </option>
              <option value="en" lang="en">
                {t.languageNames.en}
              </option>
            </Select>
          </div>
        </header>
        {state.kind === 'refused' ? (
          <MessageBar intent="error" role="alert" layout="multiline">
            <MessageBarBody>
              <p>{t.policy.refused(state.url)}</p>
              <p>{t.policy.refusedHelp}</p>
              <ul>
                {state.problems.map((p, i) => (
                  <li key={i}>{problemLine(p, lang)}</li>
                ))}
              </ul>
            </MessageBarBody>
          </MessageBar>
        ) : (
          <>
            <TabList
              selectedValue={tab}
              onTabSelect={(_, d) => setTab(d.value as TabKey)}
              aria-label={t.appTitle}
              size="small"
              className={styles.tabs}
            >
              {TABS.map((key) => (
                <Tab key={key} value={key} id={`tab-${key}`} aria-controls={`panel-${key}`}>
                  {t.tabs[key]}
                </Tab>
              ))}
            </TabList>
            {/* Views stay mounted so a result survives switching tabs. */}
            <div {...panel('validate')}>
              <ValidateView host={host} policy={state.policy} workflows={workflows} />
            </div>
            <div {...panel('audit')}>
              <AuditView
                host={host}
                policy={state.policy}
                channel={auditChannel}
                keyStore={store}
                workflows={workflows}
                {...(loadTrust ? { loadTrust } : {})}
              />
            </div>
            <div {...panel('explain')}>
              {tab === 'explain' && <ExplainView host={host} policy={state.policy} />}
            </div>
            <div {...panel('policy')}>
              {tab === 'policy' && <PolicyView policy={state.policy} state={state} />}
            </div>
            <div {...panel('functions')}>
              <FunctionsView host={host} />
            </div>
          </>
        )}
      </div>
    </LangContext.Provider>
  );
}
