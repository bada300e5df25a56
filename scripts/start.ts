/**
 * `npm start`: develop against Excel.
 *  - Windows, macOS (Excel desktop can be there): office-addin-debugging starts the dev server
 *    (`npm run dev-server`), sideloads manifest.xml and opens Excel.
 *  - elsewhere (Linux, CI): runs the dev server and says how to sideload in Excel on the web.
 *    `npm start -- --web` does this on Windows and macOS too.
 * Either way the dev server also serves the browser preview (preview.html: the task pane beside
 * the sample workbook, run by the built-in engine), which needs no Excel at all; its address is
 * printed in a box once the server listens (webpack.config.js, onListening).
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { exitCodeOf, runBinAsync, runBinSync } from './bin';

export const PID_FILE = join(
  __dirname,
  '..',
  'node_modules',
  '.cache',
  'cm-appraisal',
  'dev-server.pid',
);

export function desktopExcelPossible(platform: NodeJS.Platform = process.platform): boolean {
  return platform === 'win32' || platform === 'darwin';
}

/** The preview's address as the dev server will serve it (http on CI or with CM_DEV_HTTP). */
export function previewUrl(env: NodeJS.ProcessEnv = process.env, port = 3000): string {
  const scheme = env.CI || env.CM_DEV_HTTP ? 'http' : 'https';
  return `${scheme}://localhost:${port}/preview.html`;
}

const PREVIEW_HELP = (url: string) => `
No Excel here? Open the browser preview: the real task pane beside the sample workbook
(examples/appraisal-sample.xlsx), run by the built-in engine. Validate, Audit, edit cells,
open and save .xlsx files:

    ${url}

(If the dev server falls back to plain http, use http:// instead; the address it really
serves is printed in a box once it listens. Without trusted certificates the browser asks
once to accept https://localhost; CM_DEV_HTTP=1 npm start serves plain http.)
`;

const WEB_HELP = `
Excel on the web: sideload the add-in
  1. Open a workbook at https://www.office.com (or your bank's SharePoint / OneDrive).
  2. Home > Add-ins (or Insert > Add-ins) > More Add-ins > My Add-ins >
     Upload My Add-in, and choose manifest.xml from this folder.
  3. The "CM Appraisal / 客户经理考核" group appears on the Home tab; type =CM. in a cell.
The page is served at https://localhost:3000/taskpane.html; your browser must trust it
(npx office-addin-dev-certs install). Stop with Ctrl+C or \`npm stop\`.
`;

function startWebServer(): void {
  console.log(WEB_HELP);
  console.log(PREVIEW_HELP(previewUrl()));
  const server = runBinAsync('webpack-cli', 'webpack-cli', ['serve', '--mode', 'development']);
  if (server.pid !== undefined) {
    mkdirSync(dirname(PID_FILE), { recursive: true });
    writeFileSync(PID_FILE, String(server.pid));
  }
  const forward = (signal: NodeJS.Signals): void => {
    server.kill(signal);
  };
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  server.on('exit', (code, signal) => {
    rmSync(PID_FILE, { force: true });
    process.exit(code ?? (signal ? 0 : 1));
  });
}

if (require.main === module) {
  const web = process.argv.includes('--web');
  if (desktopExcelPossible() && !web) {
    const result = runBinSync('office-addin-debugging', 'office-addin-debugging', [
      'start',
      'manifest.xml',
      'desktop',
      '--app',
      'excel',
    ]);
    process.exit(exitCodeOf(result));
  } else {
    if (!web) {
      console.log(
        `Excel desktop does not run on ${process.platform}: starting the dev server only.`,
      );
    }
    startWebServer();
  }
}
