/**
 * preview.html's entry: loads the sample workbook (or `?file=name.xlsx` served beside the page)
 * and shows the preview. `?lang=zh|en` chooses the first language; else the browser's.
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { langOf } from '../taskpane/i18n';
import { openWorkbook, Preview, type Opened } from './Preview';

export const SAMPLE_FILE = 'appraisal-sample.xlsx';

async function start(): Promise<void> {
  const container = document.getElementById('root');
  if (!container) return;
  const params = new URLSearchParams(window.location.search);
  const lang = langOf(params.get('lang') ?? navigator.language);
  const file = params.get('file') ?? SAMPLE_FILE;
  const root = createRoot(container);
  const show = (key: string, extra: { initial?: Opened; loadError?: string }) =>
    root.render(
      <FluentProvider theme={webLightTheme}>
        <Preview key={key} initialLang={lang} {...extra} />
      </FluentProvider>,
    );
  show('loading', {});
  try {
    const response = await fetch(file);
    if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
    show('ready', {
      initial: await openWorkbook(await response.arrayBuffer(), file.replace(/^.*\//, '')),
    });
  } catch (e) {
    show('failed', { loadError: `${file}: ${e instanceof Error ? e.message : String(e)}` });
  }
}

void start();
