import { DigestError } from '../digest/errors';
import { ApiError, type Envelope, type HandlerMap } from '../api/contract';
import { ioFailure, isIoError } from '../storage/io-errors';
import type { FolderGrants } from './folder-grants';

/**
 * The transport boundary, shared by IPC and HTTP: looks the handler up, validates the argument
 * against its schema, runs it, and turns any failure into a message the reader can read. A page's
 * calls pass the folders its person chose (`grants`); the command line, not a page, passes none.
 */
export async function dispatch(handlers: HandlerMap, name: unknown, arg: unknown, grants?: FolderGrants): Promise<Envelope> {
  if (typeof name !== 'string' || !Object.hasOwn(handlers, name)) {
    // Never String(name): a name that is not a string may be an object whose toString throws.
    const shown = typeof name === 'string' ? name.slice(0, 80) : `(a ${name === null ? 'null' : typeof name}, not a name)`;
    return { ok: false, error: { code: 'unknown-handler', message: `Unknown action: ${shown}` } };
  }
  const h = handlers[name];
  const refused = grants?.refusal(h, arg);
  if (refused) return refused;
  const parsed = h.input.safeParse(arg ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` (${issue.path.join('.')})` : '';
    return { ok: false, error: { code: 'invalid-argument', message: `Invalid request for ${name}${where}: ${issue?.message ?? 'bad argument'}` } };
  }
  try {
    return { ok: true, value: await h.run(parsed.data) };
  } catch (error) {
    if (error instanceof ApiError || error instanceof DigestError) return { ok: false, error: { code: error.code, message: error.message } };
    // The disk refused (full, read-only, a folder where a file should be): the reader's to fix, no bug to log.
    if (isIoError(error)) return { ok: false, error: { code: 'io-error', message: ioFailure(error) } };
    console.error(`[digest-reader] ${name} failed:`, error);
    return { ok: false, error: { code: 'internal', message: `Something went wrong (${name}): ${(error as Error).message}` } };
  }
}
