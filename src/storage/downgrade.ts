import * as fs from 'node:fs';
import * as path from 'node:path';
import { writeFileAtomic } from './files';
import { JOURNAL_FILE, STORE_FILE, UserStore } from './user-store';

/** The data version of the release before the journal: one conf JSON file, rewritten whole on every write. */
export const PREVIOUS_SCHEMA = 3;

/**
 * Rolls the store back to the previous release's layout: the journal folded in, and the data
 * written as one version-3 `userdata.json` that release reads (the data itself did not change
 * between the two; only how it is kept). A copy of the current data is kept among the backups
 * first. The caller holds the library lock.
 */
export async function downgradeStore(dir: string): Promise<{ file: string; backupId: string }> {
  const store = new UserStore(dir);
  const backupId = store.backupNow('manual').id;
  const data = { ...store.data, schemaVersion: PREVIOUS_SCHEMA };
  await store.close();
  const file = path.join(dir, STORE_FILE);
  writeFileAtomic(file, JSON.stringify(data, null, '\t'));
  fs.rmSync(path.join(dir, JOURNAL_FILE), { force: true });
  return { file, backupId };
}
