/**
 * `npm start`: develop against Excel.
 *  - Windows, macOS (Excel desktop can be there): office-addin-debugging starts the dev server
 *    (`npm run dev-server`), sideloads manifest.xml and opens Excel.
 *  - elsewhere (Linux, CI): runs the dev server and says how to sideload in Excel on the web.
 *    `npm start -- --web` does this on Windows and macOS too.
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
