// A worker thread of the batch audit (src/cli/audit-batch.ts): runs `cm-appraisal audit` on
// one workbook at a time, through the CLI's own main() (the very code of a single-file audit),
// with its output captured and posted back. Loads the CLI as the bin does (bin/cli-bundle.js).
'use strict';

const { join } = require('node:path');
const { parentPort, workerData } = require('node:worker_threads');
const { loadMain } = require('./cli-bundle');

const ready = loadMain(join(__dirname, '..'), false);

parentPort.on('message', (job) => {
  let stdout = '';
  let stderr = '';
  const io = {
    out: (t) => void (stdout += t),
    err: (t) => void (stderr += t),
    env: workerData && workerData.env ? workerData.env : process.env,
    errIsTty: false,
  };
  ready
    .then((main) => main(job.argv, io))
    .then(
      (code) => parentPort.postMessage({ id: job.id, code, stdout, stderr }),
      (error) =>
        parentPort.postMessage({
          id: job.id,
          code: 2,
          stdout,
          stderr: `${stderr}cm-appraisal: ${error && error.message ? error.message : error}\n`,
        }),
    );
});
