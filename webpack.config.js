/**
 * Builds the add-in into dist/.
 *
 * One shared runtime: taskpane.html is the task pane AND the page Excel keeps alive for the
 * custom functions and ribbon commands (manifest: Runtime, Page and FunctionFile all use
 * Taskpane.Url), so that one page loads all three bundles. functions.js carries the webpack
 * runtime and commands.js and taskpane.js depend on it (entry `dependOn`), so a module
 * imported by two of them (the policy, the host) exists once on the page, and functions.js,
 * which the manifest's CustomFunctions <Script> names, also runs on its own.
 *
 *   npm run build -- --env officejs=local           office.js from @microsoft/office-js, served
 *                                                   from dist/office-js/ (no Microsoft CDN)
 *
 *   npm run build                                   production, dev-server URLs kept
 *   npm run build -- --env url=https://intranet/cm/  production for the intranet
 *   ADDIN_URL=https://intranet/cm/ npm run build     the same
 *   npm run build:dev | npm run dev-server          development
 */
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const webpack = require('webpack');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const CustomFunctionsMetadataPlugin = require('custom-functions-metadata-plugin');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const { DEV_BASE_URL, resolveAddinUrl, rewriteManifestUrls } = require('./scripts/manifest-url');
const { checkFunctionsMetadata, finishFunctionsJson } = require('./scripts/functions-json-check');

const ROOT = __dirname;
const DEV_PORT = 3000;
const FUNCTIONS_SOURCE = './src/functions/excel-functions.ts';

/**
 * The bundles the shared-runtime page loads, in the order they run. functions.js holds the
 * webpack runtime (no separate runtime.js), so it loads alone wherever a host asks for the
 * <Script> file; the others reuse its runtime and its modules.
 */
const PAGE_ENTRIES = {
  functions: FUNCTIONS_SOURCE,
  commands: { import: './src/commands/commands.ts', dependOn: 'functions' },
  taskpane: { import: './src/taskpane/index.tsx', dependOn: ['functions', 'commands'] },
};

/** Microsoft's CDN, the default (and what store add-ins must use). */
const OFFICE_JS_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
/** `--env officejs=local`: @microsoft/office-js copied here, the pages pointed at it. */
const OFFICE_JS_LOCAL_DIR = 'office-js';
/** The package's files a Workbook host loads: office.js, Excel's scripts, the string tables. */
const OFFICE_JS_SKIP = [
  '**/*.debug.js',
  '**/*-vsdoc.js',
  '**/*.d.ts',
  '**/{access,onenote,outlook,outlookwebapp,powerpoint,powerpointios,project,word,wordios}-*.js',
  '**/outlook_strings.js',
];

/**
 * The browser preview (preview.html): the task pane beside a workbook view. The page itself
 * holds no engine: it talks to PREVIEW_WORKER_ENTRY.
 */
const PREVIEW_ENTRY = { preview: './src/preview/index.tsx' };

/**
 * The preview's engine in a Web Worker (issue 14): a LocalHost over the engine, where loading,
 * recalculation, validation and audit run off the page's main thread. The one bundle allowed to
 * hold ExcelJS and HyperFormula. Its own entry (the page starts it by its file name,
 * src/preview/protocol.ts WORKER_FILE), loading its lazy chunks with importScripts as a worker
 * must; in no HTML page.
 */
const PREVIEW_WORKER_ENTRY = {
  'preview-engine': { import: './src/preview/engine.worker.ts', chunkLoading: 'import-scripts' },
};

/** The sample workbook the preview opens, served beside preview.html. */
const SAMPLE_WORKBOOK = 'examples/appraisal-sample.xlsx';

const PREVIEW_TEMPLATE = `<!doctype html>
<html lang="zh-CN">
  <head>
    <meta charset="UTF-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>客户经理考核 · 浏览器预览 · CM Appraisal preview</title>
    <link rel="icon" type="image/png" href="assets/icon-32.png" />
    <style>html, body { margin: 0; height: 100%; }</style>
  </head>
  <body>
    <div id="root"></div>
  </body>
</html>
`;

/** Node-only packages of src/engine; a browser bundle listed in PAGE_ENTRIES must not pull them in. */
const ENGINE_ONLY_PACKAGES = ['hyperformula', 'exceljs'];

/**
 * Used unless src/taskpane/taskpane.html exists. Office.js comes from Microsoft's CDN (it
 * provides Office, Excel and CustomFunctions); the React app mounts on #root.
 */
const PAGE_TEMPLATE = `<!doctype html>
<html lang="zh-CN">
  <head>
    <meta charset="UTF-8" />
    <meta http-equiv="X-UA-Compatible" content="IE=Edge" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>客户经理考核 · CM Appraisal</title>
    <script src="${OFFICE_JS_CDN}"></script>
  </head>
  <body>
    <div id="root"></div>
  </body>
</html>
`;

/**
 * Fails the compilation when functions.json is missing or declares no function; first writes
 * the top-level flags custom-functions-metadata leaves out or sets otherwise
 * (allowErrorForDataTypeAny, allowCustomDataForDataTypeAny: see functions-json-check.js).
 */
class FunctionsMetadataCheckPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('FunctionsMetadataCheckPlugin', (compilation) => {
      compilation.hooks.processAssets.tap(
        {
          name: 'FunctionsMetadataCheckPlugin',
          stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL,
        },
        () => {
          const asset = compilation.getAsset('functions.json');
          if (!asset) return;
          let text;
          try {
            text = finishFunctionsJson(asset.source.source().toString());
          } catch {
            return; // the emit check below reports unreadable JSON
          }
          compilation.updateAsset('functions.json', new webpack.sources.RawSource(text));
        },
      );
    });
    // emit: the last hook where asset contents are still readable (afterwards webpack keeps
    // only their sizes). An error here still fails the build; dist/ is written for inspection.
    compiler.hooks.emit.tap('FunctionsMetadataCheckPlugin', (compilation) => {
      const asset = compilation.getAsset('functions.json');
      const problem = checkFunctionsMetadata(
        asset ? asset.source.source().toString() : undefined,
        'dist/functions.json',
      );
      if (problem) compilation.errors.push(new webpack.WebpackError(problem));
    });
  }
}

/** Fails the compilation when an entry of `entries` reaches a package of `packages`. */
class KeepOutOfBundlePlugin {
  constructor(entries, packages) {
    this.entries = entries;
    this.pattern = new RegExp(`[\\\\/]node_modules[\\\\/](${packages.join('|')})[\\\\/]`);
  }

  apply(compiler) {
    compiler.hooks.thisCompilation.tap('KeepOutOfBundlePlugin', (compilation) => {
      // afterChunks: the chunk graph exists and modules are not yet concatenated.
      compilation.hooks.afterChunks.tap('KeepOutOfBundlePlugin', () => {
        for (const name of this.entries) {
          const entrypoint = compilation.entrypoints.get(name);
          if (!entrypoint) continue;
          // The entry's own chunks and what they load lazily; not the runtime chunk, which is
          // shared by every entry and would lead to the other entries' chunks.
          const runtime = entrypoint.getRuntimeChunk();
          const chunks = new Set();
          for (const chunk of entrypoint.chunks) {
            if (chunk === runtime) continue;
            chunks.add(chunk);
            for (const c of chunk.getAllAsyncChunks()) chunks.add(c);
          }
          for (const chunk of chunks) {
            for (const module of compilation.chunkGraph.getChunkModulesIterable(chunk)) {
              const resource = module.resource || '';
              const hit = resource.match(this.pattern);
              if (hit) {
                compilation.errors.push(
                  new webpack.WebpackError(
                    `The "${name}" browser bundle imports ${hit[1]} (${path.relative(ROOT, resource)}); ` +
                      `it belongs to src/engine (Node only). Go through the WorkbookHost port instead.`,
                  ),
                );
                return;
              }
            }
          }
        }
      });
    });
  }
}

/**
 * https with the Office dev certificates when they can be had. Otherwise: https with
 * certificates generated earlier but not trusted by the system (the browser asks once), or
 * plain http, each with a warning (Linux/CI: no certificate store to install into). Never throws.
 */
async function devServerTransport() {
  if (process.env.CI || process.env.CM_DEV_HTTP) {
    console.warn(
      `[dev-server] ${process.env.CI ? 'CI' : 'CM_DEV_HTTP'} is set: serving plain http on port ${DEV_PORT}.`,
    );
    return 'http';
  }
  let reason;
  try {
    const devCerts = require('office-addin-dev-certs');
    const options = await devCerts.getHttpsServerOptions();
    return { type: 'https', options: { ca: options.ca, key: options.key, cert: options.cert } };
  } catch (e) {
    reason = e instanceof Error ? e.message.split('\n')[0] : String(e);
  }
  const banner = (lines) =>
    console.warn(['', '!'.repeat(78), ...lines, '!'.repeat(78), ''].join('\n'));
  try {
    const files = require('office-addin-dev-certs/lib/defaults');
    const options = {
      ca: fs.readFileSync(files.caCertificatePath),
      key: fs.readFileSync(files.localhostKeyPath),
      cert: fs.readFileSync(files.localhostCertificatePath),
    };
    banner([
      `[dev-server] The localhost certificate is not trusted by this system:`,
      `  ${reason}`,
      `Serving https://localhost:${DEV_PORT}/ with it anyway: open that address once in the`,
      `browser you use for Excel on the web and accept it, or trust`,
      `  ${files.caCertificatePath}`,
    ]);
    return { type: 'https', options };
  } catch {
    banner([
      `[dev-server] Could not obtain https certificates for localhost:`,
      `  ${reason}`,
      `Serving plain http://localhost:${DEV_PORT}/ instead. Excel will refuse the manifest's`,
      `https URLs until certificates work: run \`npx office-addin-dev-certs install\` (it`,
      `needs the rights to add a CA to the system store), then restart.`,
    ]);
    return 'http';
  }
}

/** The dev server's addresses of the preview and the task pane page, boxed. */
function previewBanner(server) {
  const type = server.options.server && server.options.server.type;
  const address = server.server && server.server.address();
  const port = address && typeof address === 'object' ? address.port : DEV_PORT;
  const base = `${type === 'https' ? 'https' : 'http'}://localhost:${port}`;
  const line = '='.repeat(78);
  return [
    '',
    line,
    `  Browser preview, no Excel needed:  ${base}/preview.html`,
    '  (the task pane beside the sample workbook, run by the built-in engine)',
    `  Task pane page for Excel:          ${base}/taskpane.html`,
    line,
    '',
  ].join('\n');
}

module.exports = async (env = {}, argv = {}) => {
  const dev = argv.mode === 'development';
  const serving = Boolean(env.WEBPACK_SERVE);
  const addinUrl = dev ? undefined : resolveAddinUrl(env, process.env);
  if (!dev && !addinUrl) {
    console.warn(
      `[build] No hosting URL given (--env url=… or ADDIN_URL): dist/manifest.xml keeps ${DEV_BASE_URL}.`,
    );
  }
  const pageTemplate = path.join(ROOT, 'src/taskpane/taskpane.html');
  const localOfficeJs = env.officejs === 'local';
  if (env.officejs !== undefined && !localOfficeJs && env.officejs !== 'cdn') {
    throw new Error(`--env officejs=${env.officejs}: use officejs=local or officejs=cdn.`);
  }
  const pageHtml = (
    fs.existsSync(pageTemplate) ? fs.readFileSync(pageTemplate, 'utf8') : PAGE_TEMPLATE
  ).replace(OFFICE_JS_CDN, localOfficeJs ? `${OFFICE_JS_LOCAL_DIR}/office.js` : OFFICE_JS_CDN);

  return {
    mode: dev ? 'development' : 'production',
    devtool: 'source-map',
    entry: { ...PAGE_ENTRIES, ...PREVIEW_ENTRY, ...PREVIEW_WORKER_ENTRY },
    output: {
      path: path.join(ROOT, 'dist'),
      filename: '[name].js',
      clean: true,
    },
    resolve: {
      extensions: ['.ts', '.tsx', '.js', '.json'],
      alias: {
        // The preview's engine: ExcelJS's browser build brings its own stream and zip shims.
        exceljs$: require.resolve('exceljs/dist/exceljs.min.js'),
      },
      // Node built-ins the engine reaches only on Node paths (files by path, the fast zip reader).
      fallback: { fs: false, path: false, zlib: false, os: false, crypto: false },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: {
              // Type errors in the bundled files fail the build; tests and scripts are
              // type-checked elsewhere.
              onlyCompileBundledFiles: true,
              // `--env transpileOnly`: no type check (the browser tests' build; tsc checks types).
              transpileOnly: Boolean(env.transpileOnly),
              compilerOptions: { module: 'es2020', noEmit: false },
            },
          },
        },
      ],
    },
    performance: {
      // React + Fluent UI in one task pane bundle is expected; the page is served on an intranet.
      hints: false,
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({ input: FUNCTIONS_SOURCE, output: 'functions.json' }),
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        templateContent: pageHtml,
        chunks: Object.keys(PAGE_ENTRIES),
        chunksSortMode: 'manual',
      }),
      new HtmlWebpackPlugin({
        filename: 'preview.html',
        templateContent: PREVIEW_TEMPLATE,
        chunks: Object.keys(PREVIEW_ENTRY),
        chunksSortMode: 'manual',
      }),
      new CopyWebpackPlugin({
        patterns: [
          // The workbook preview.html opens first.
          { from: SAMPLE_WORKBOOK, to: path.basename(SAMPLE_WORKBOOK) },
          { from: 'assets', to: 'assets' },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform: (content) =>
              addinUrl ? rewriteManifestUrls(content.toString(), addinUrl) : content,
          },
          // zh-CN function names and help: the manifest's zh-CN override of
          // Functions.Metadata.Url, so the build fails without it.
          { from: 'src/functions/functions-zh-cn.json', to: 'functions-zh-cn.json' },
          // The policy for the administrator (issue 16): its schema, and the built-in policy as
          // an example to copy to policy.json and edit. Not copied AS policy.json: with no file
          // deployed the add-in runs the built-in policy and says so (src/policy/deployed.ts).
          { from: 'src/rules/policy.schema.json', to: 'policy.schema.json' },
          { from: 'src/rules/policy.json', to: 'policy.example.json' },
          // For intranets that block Microsoft's CDN; the CDN stays the default.
          ...(localOfficeJs
            ? [
                {
                  from: path.dirname(require.resolve('@microsoft/office-js/dist/office.js')),
                  to: OFFICE_JS_LOCAL_DIR,
                  globOptions: { ignore: OFFICE_JS_SKIP },
                },
              ]
            : []),
        ],
      }),
      new FunctionsMetadataCheckPlugin(),
      new KeepOutOfBundlePlugin(Object.keys(PAGE_ENTRIES), ENGINE_ONLY_PACKAGES),
      // The preview page too: its engine is the worker's.
      new KeepOutOfBundlePlugin(Object.keys(PREVIEW_ENTRY), ENGINE_ONLY_PACKAGES),
    ],
    devServer: {
      port: DEV_PORT,
      // Excel on the web loads the page from another origin.
      headers: { 'Access-Control-Allow-Origin': '*' },
      // Hot module replacement would patch the functions bundle under Excel's feet.
      hot: false,
      // Everything served is built or copied by this config.
      static: false,
      server: serving ? await devServerTransport() : 'http',
      // The address that works without Excel, said where it cannot be missed: after each
      // build's output, not above it.
      onListening: (server) => {
        server.compiler.hooks.done.tap('PreviewBanner', () =>
          process.nextTick(() => console.log(previewBanner(server))),
        );
      },
    },
  };
};
