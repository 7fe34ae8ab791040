// @retorquere/bibtex-parser's verbatim reader: entries, @string macros, `#` joins and month names,
// with errors per entry. Its package exports only `parse`, which also runs a LaTeX parser over every
// field (about 7 µs a character: 12 ms for an entry with an abstract, a minute for a 5,000-entry
// Zotero export) only for raw mode to print the field back as it was. The version is pinned in
// package.json; a test reads a file through this path, so a layout that moves fails there.
export { parse as readVerbatim } from '../../../node_modules/@retorquere/bibtex-parser/dist/esm/verbatim.js';
