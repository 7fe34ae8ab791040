// Types for node-bundle.mjs, for the TypeScript scripts that call it (scripts/bench.ts).
export const WORKERS: Record<string, string>;
export function bundleNode(options: {
  root?: string;
  outDir: string;
  entries: Record<string, string>;
  format?: 'es' | 'cjs';
  target?: string;
  clean?: boolean;
}): Promise<void>;
