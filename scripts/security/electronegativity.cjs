#!/usr/bin/env node
// The Electronegativity gate: scans the project (sources and built files) and fails on any HIGH or
// MEDIUM finding. Its CLI always exits 0, and its CSV writer races its own header (the header can
// overwrite the first finding, or truncate them all), so this runs its scanner directly and writes
// the CSV itself. Usage: node scripts/security/electronegativity.cjs [folder] [report.csv]
const fs = require('node:fs');
const Module = require('node:module');
const path = require('node:path');

// Electronegativity needs TypeScript 4 and Commander 5, but npm hoists this project's TypeScript 7
// (no JS API) and a newer Commander above them: point those requests at its own versions.
const own = path.dirname(require.resolve('@doyensec/electronegativity/package.json'));
const asar = path.dirname(require.resolve('@electron/asar/package.json', { paths: [own] }));
const pinned = { typescript: require.resolve('typescript', { paths: [own] }), commander: require.resolve('commander', { paths: [asar] }) };
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return Object.hasOwn(pinned, request) ? pinned[request] : resolve.call(this, request, ...rest);
};

const [input = '.', report = '.tmp/electronegativity.csv'] = process.argv.slice(2);
const FAILING = ['HIGH', 'MEDIUM'];
const csv = (v) => `"${String(v ?? '').replace(/"/g, '""')}"`;

async function main() {
  await require(path.join(own, 'dist/locales/i18n.js'))(); // sets the global `__` its checks use
  const run = require(path.join(own, 'dist/runner.js'));
  const { issues, errors } = await run({ input: path.resolve(input), isRelative: true, parserPlugins: [] }, false);
  const rows = issues.map((i) => ({
    id: i.id,
    severity: i.severity.name,
    confidence: i.confidence.name,
    file: path.relative(path.resolve(input), i.file),
    at: `${i.location.line}:${i.location.column}`,
    sample: i.sample,
    description: i.description,
  }));
  fs.mkdirSync(path.dirname(report), { recursive: true });
  fs.writeFileSync(
    report,
    ['issue,severity,confidence,filename,location,sample,description', ...rows.map((r) => Object.values(r).map(csv).join(','))].join('\n') + '\n',
  );

  // A file it cannot parse is a file it did not check; the bundles in dist/electron, dist/web,
  // dist/bench and dist/bench-harness (scripts/node-bundle.mjs; a bench baseline's too) are made
  // from electron/, src/ and scripts/bench/ beside them, which it does parse (its parser predates
  // private class fields).
  const built = /(^|[\\/])dist[\\/](electron|web|bench|bench-harness)[\\/]/;
  const unchecked = errors.filter((e) => !built.test(path.relative(path.resolve(input), e.file)));
  for (const e of errors) console.log(`${unchecked.includes(e) ? 'could not scan' : 'skipped (built from scanned sources)'} ${e.file}: ${e.message}`);
  for (const r of rows) console.log(`${r.severity.padEnd(13)} ${r.id} ${r.file}:${r.at} — ${r.description}`);
  const failing = rows.filter((r) => FAILING.includes(r.severity));
  console.log(`Electronegativity: ${issues.length} findings, ${failing.length} HIGH or MEDIUM (report: ${report}).`);
  process.exit(failing.length || unchecked.length ? 1 : 0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
