import type { AppState } from './index';

/** Runs a change through the core; on success refreshes everything on screen. Returns whether it succeeded. */
export async function change(get: () => AppState, action: () => Promise<unknown>): Promise<boolean> {
  let ok = true;
  await get().attempt(async () => {
    try {
      await action();
    } catch (error) {
      ok = false;
      throw error;
    }
  });
  if (ok) await get().refreshAll();
  return ok;
}

/**
 * Deletes through the core and offers its undo in a toast. The core keeps what it deleted: the
 * undo names it (`domain.restore({ id })`), never sends it back.
 */
export async function deleteWithUndo<T>(
  get: () => AppState,
  options: {
    remove: () => Promise<T>;
    message: (deleted: T) => string;
    restore: (deleted: T) => Promise<unknown>;
    /** What the page does at once (leave a view that showed what is gone). */
    onDeleted?: (deleted: T) => void;
    refresh?: () => Promise<void>;
  },
): Promise<T | undefined> {
  const deleted = await get().attempt(options.remove);
  if (deleted === undefined) return undefined;
  options.onDeleted?.(deleted);
  get().notify(options.message(deleted), { undo: () => options.restore(deleted) });
  await (options.refresh ?? get().refreshAll)();
  return deleted;
}
