/**
 * `npm stop`: on Windows and macOS, office-addin-debugging stops the dev server and removes the
 * sideloaded add-in; elsewhere, stops the dev server `npm start` began (if it is running).
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { exitCodeOf, runBinSync } from './bin';
import { desktopExcelPossible, PID_FILE } from './start';

function stopWebServer(): void {
  if (!existsSync(PID_FILE)) {
    console.log('No dev server started by `npm start` is running.');
    return;
  }
  const pid = Number(readFileSync(PID_FILE, 'utf8'));
  rmSync(PID_FILE, { force: true });
  try {
    process.kill(pid, 'SIGTERM');
    console.log(`Stopped the dev server (pid ${pid}).`);
  } catch {
    console.log(`The dev server (pid ${pid}) had already stopped.`);
  }
}

if (desktopExcelPossible() && !process.argv.includes('--web')) {
  process.exit(
    exitCodeOf(
      runBinSync('office-addin-debugging', 'office-addin-debugging', ['stop', 'manifest.xml']),
    ),
  );
} else {
  stopWebServer();
}
