import fc from 'fast-check';

/**
 * Property tests explore a fixed set of cases in `npm test`, so CI judges the same code the same way
 * every time; `npm run fuzz` explores new cases on each run (a failure prints its seed: put it in
 * FUZZ_SEED to replay it, and keep the counterexample as an `examples` entry of its property).
 */
const seed = process.env.FUZZ_SEED === 'random' ? undefined : Number(process.env.FUZZ_SEED ?? 20261130);
fc.configureGlobal({ ...(seed === undefined ? {} : { seed }), ...(process.env.FUZZ_RUNS ? { numRuns: Number(process.env.FUZZ_RUNS) } : {}) });
