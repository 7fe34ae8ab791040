// Bundles the core's Node entries with Vite into one folder: the desktop app's core process, web
// mode, the benchmark's copy of the core. Each worker thread is an entry of its own, beside the
// module that starts it (src/shared/worker.ts). Runtime dependencies stay in node_modules.
import * as fs from 'node:fs';
import { builtinModules } from 'node:module';
import * as path from 'node:path';
import { build } from 'vite';

/** The core's worker threads; one a checkout lacks (an older baseline) is left out. */
export const WORKERS = {
  'index-worker': 'src/search/index-worker.ts',
  'rank-worker': 'src/rank/rank-worker.ts',
  'parse-worker': 'src/digest/parse-worker.ts',
};

/**
 * Builds `entries` (name → source file, relative to `root`) into `outDir`. Node 20 for web mode
 * and the command line; Electron's own Node for the desktop app (`target: 'node22'`).
 */
export async function bundleNode({ root = '.', outDir, entries, format = 'es', target = 'node20', clean = true }) {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  const runtime = Object.keys(pkg.dependencies);
  const external = (id) =>
    id === 'electron' || id.startsWith('node:') || builtinModules.includes(id) || runtime.some((dep) => id === dep || id.startsWith(`${dep}/`));
  const input = Object.fromEntries(
    Object.entries(entries)
      .filter(([, file]) => fs.existsSync(path.join(root, file)))
      .map(([name, file]) => [name, path.resolve(root, file)]),
  );
  const out = path.resolve(root, outDir);
  if (clean) fs.rmSync(out, { recursive: true, force: true });
  await build({
    configFile: false,
    logLevel: 'warn',
    publicDir: false,
    root: path.resolve(root),
    build: {
      ssr: true,
      target,
      outDir: out,
      emptyOutDir: false,
      minify: false,
      rollupOptions: {
        input,
        external,
        preserveEntrySignatures: 'strict',
        output: { format, entryFileNames: format === 'cjs' ? '[name].cjs' : '[name].js', chunkFileNames: '[name]-[hash].js' },
      },
    },
  });
}
