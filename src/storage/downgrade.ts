import * as fs from 'node:fs';
import * as path from 'node:path';
import { writeFileAtomic } from './files';
import { CURRENT_SCHEMA, downgrade } from './schema';
import { JOURNAL_FILE, STORE_FILE, UserStore } from './user-store';

/** The data version of the previous release (v4: the journal, before the daily loop's sources and smart lists). */
export const PREVIOUS_SCHEMA = CURRENT_SCHEMA - 1;

/**
 * Rolls the store back to an earlier release's layout: the journal folded in, and the data
 * written as one `userdata.json` of version `to`, through the down migrations (schema.ts). Version
 * 4 reads that file as a snapshot with an empty journal; version 3 and older read it with conf.
 * A copy of the current data is kept among the backups first, so what an older version has no
 * place for is not lost. The caller holds the library lock.
 */
export async function downgradeStore(dir: string, to = PREVIOUS_SCHEMA): Promise<{ file: string; backupId: string }> {
  const store = new UserStore(dir);
  let data: Record<string, unknown>;
  try {
    data = downgrade(store.data, to);
  } catch (error) {
    await store.close();
    throw error;
  }
  const backupId = store.backupNow('manual').id;
  await store.close();
  const file = path.join(dir, STORE_FILE);
  writeFileAtomic(file, JSON.stringify(data, null, '\t'));
  fs.rmSync(path.join(dir, JOURNAL_FILE), { force: true });
  return { file, backupId };
}
