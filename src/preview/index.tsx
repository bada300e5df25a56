/**
 * preview.html's entry: loads the sample workbook (or `?file=name.xlsx` served beside the page)
 * and shows the preview. `?lang=zh|en` chooses the first language; else the browser's.
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { langOf } from '../taskpane/i18n';
import { startDeployedPolicy, type PolicyState } from '../policy/deployed';
import { problemLine } from '../policy/load';
import { PREVIEW_STRINGS } from './strings';
import { openWorkbook, Preview, type Opened } from './Preview';

export const SAMPLE_FILE = 'appraisal-sample.xlsx';

async function start(): Promise<void> {
  const container = document.getElementById('root');
  if (!container) return;
  const params = new URLSearchParams(window.location.search);
  const lang = langOf(params.get('lang') ?? navigator.language);
  const file = params.get('file') ?? SAMPLE_FILE;
  const root = createRoot(container);
  const show = (
    key: string,
    extra: { initial?: Opened; loadError?: string; initialPolicy?: PolicyState },
  ) =>
    root.render(
      <FluentProvider theme={webLightTheme}>
        <Preview key={key} initialLang={lang} {...extra} />
      </FluentProvider>,
    );
  show('loading', {});
  // policy.json beside preview.html, as beside taskpane.html in Excel; built-in when none.
  const initialPolicy = await startDeployedPolicy();
  if (initialPolicy.kind === 'refused') {
    // Nothing is computed under another policy: the workbook is not opened.
    const lines = initialPolicy.problems.map((p) => problemLine(p, lang));
    show('failed', { loadError: PREVIEW_STRINGS[lang].deployedRefused(initialPolicy.url, lines) });
    return;
  }
  const policy = initialPolicy.policy;
  try {
    const response = await fetch(file);
    if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
    show('ready', {
      initial: await openWorkbook(await response.arrayBuffer(), file.replace(/^.*\//, ''), policy),
      initialPolicy,
    });
  } catch (e) {
    show('failed', {
      loadError: `${file}: ${e instanceof Error ? e.message : String(e)}`,
      initialPolicy,
    });
  }
}

void start();
