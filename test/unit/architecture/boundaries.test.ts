// The import boundaries of ARCHITECTURE.md hold because ESLint refuses to cross them: these lint
// made-up files placed in each room (nothing is written) and expect the refusal, or its absence.
import { ESLint } from 'eslint';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT });
});

/** The boundary messages ESLint gives `code` as if it were the file at `file` (relative to the repository). */
async function boundaryErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  return result.messages
    .filter((m) => m.ruleId?.startsWith('boundaries/') || m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-globals' || m.fatal)
    .map((m) => `${m.line}: ${m.message}`);
}

describe('the core (src/)', () => {
  it('may not import the desktop shell', async () => {
    const errors = await boundaryErrors('src/library/probe.ts', "import { APP_URL } from '../../electron/policy';\nexport const x = APP_URL;\n");
    expect(errors).toEqual([expect.stringMatching(/^1: .*"core" to elements of type "shell"/)]);
  });

  it('may not import the renderer, not even its types', async () => {
    const code =
      "import { api } from '../../renderer/api/client';\nimport type { AppState } from '../../renderer/store';\nexport const x: AppState | typeof api = api;\n";
    const errors = await boundaryErrors('src/tags/probe.ts', code);
    expect(errors).toEqual([expect.stringMatching(/^1: .*"core" to elements of type "renderer"/), expect.stringMatching(/^2: .*"renderer"/)]);
  });

  it('may not import web mode, which imports it', async () => {
    const errors = await boundaryErrors('src/export/probe.ts', "import { startWebServer } from '../web/server';\nexport const x = startWebServer;\n");
    expect(errors).toEqual([expect.stringMatching(/"core" to elements of type "web"/)]);
  });

  it('reaches the network only through src/net', async () => {
    const code = "import * as https from 'node:https';\nexport const x = [https, fetch('https://arxiv.org')];\n";
    expect(await boundaryErrors('src/sources/probe.ts', code)).toEqual([expect.stringMatching(/^1: .*src\/net/), expect.stringMatching(/^2: .*src\/net/)]);
    expect(await boundaryErrors('src/net/probe.ts', code)).toEqual([]);
  });

  it('imports its own domains and the contract freely', async () => {
    const code = "import { tagsOf } from '../tags/tags';\nimport { handler } from '../api/contract';\nexport const x = [tagsOf, handler];\n";
    expect(await boundaryErrors('src/lists/probe.ts', code)).toEqual([]);
  });
});

describe('the renderer', () => {
  it('reaches the core only through the types of src/api', async () => {
    const code = [
      "import type { Api } from '../../src/api';",
      "import { handler } from '../../src/api/contract';",
      "import { openCore } from '../../src/core';",
      "import type { Paper } from '../../src/library/types';",
      'export const x: [Api, Paper, unknown, unknown] | null = [handler, openCore] as never;',
    ].join('\n');
    const errors = await boundaryErrors('renderer/store/probe.ts', code);
    expect(errors).toEqual([
      expect.stringMatching(/^2: .*"renderer" to elements of type "api"/),
      expect.stringMatching(/^3: .*"renderer" to elements of type "core"/),
      expect.stringMatching(/^4: .*"renderer" to elements of type "core"/),
    ]);
  });

  it('imports the vocabulary (limits, enums, names) as values', async () => {
    const code = "import { MAX_PAPERS, TAG_COLORS } from '../../src/api/vocabulary';\nexport const x = [MAX_PAPERS, TAG_COLORS];\n";
    expect(await boundaryErrors('renderer/components/probe.ts', code)).toEqual([]);
  });

  it('may not import the desktop shell', async () => {
    const errors = await boundaryErrors('renderer/components/probe.ts', "import { APP_URL } from '../../electron/policy';\nexport const x = APP_URL;\n");
    expect(errors).toEqual([expect.stringMatching(/"renderer" to elements of type "shell"/)]);
  });
});

describe('the vocabulary', () => {
  it('imports nothing, so the page never pulls the core in through it', async () => {
    const code = "import { z } from 'zod';\nimport { ApiError } from './contract';\nexport const x = [z, ApiError];\n";
    const errors = await boundaryErrors('src/api/vocabulary.ts', code);
    expect(errors).toHaveLength(2);
  });
});

describe('the desktop shell', () => {
  it('may not import the renderer', async () => {
    const errors = await boundaryErrors('electron/probe.ts', "import { useApp } from '../renderer/store';\nexport const x = useApp;\n");
    expect(errors).toEqual([expect.stringMatching(/"shell" to elements of type "renderer"/)]);
  });

  it('may not import web mode: what both need is in src/boundary', async () => {
    const errors = await boundaryErrors('electron/probe.ts', "import { startWebServer } from '../src/web/server';\nexport const x = startWebServer;\n");
    expect(errors).toEqual([expect.stringMatching(/"shell" to elements of type "web"/)]);
  });

  it('opens the core', async () => {
    const code = "import { openCore } from '../src/core';\nimport { CSP } from '../src/boundary/security';\nexport const x = [openCore, CSP];\n";
    expect(await boundaryErrors('electron/probe.ts', code)).toEqual([]);
  });
});
