export * from './query-types';
export { parseQuery, type ParseResult } from './parse-query';
export { printQuery, printTerm, splitQuery, type SplitQuery } from './print-query';
export { compileQuery, matches, matchesCategory, type SmartPaper } from './match-query';
