import Conf from 'conf';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { moveAside, readJson, writeFileAtomic } from './files';
import { CURRENT_SCHEMA, migrate, type UserData } from './schema';

const NAME = 'userdata';
const KEEP_BACKUPS = 5;

export interface StoreWarning {
  code: 'store-corrupt' | 'store-restored' | 'digest-corrupt' | 'index-rebuilt';
  message: string;
}

/**
 * The reader's own data (settings now; tags, lists, notes later) in one conf store. conf gives
 * atomic writes; this class adds what conf leaves out: schema migrations, rotating backups, and
 * keeping a corrupt file aside instead of silently resetting it.
 */
export class UserStore {
  readonly warnings: StoreWarning[] = [];
  readonly #conf: Conf<UserData>;
  readonly #backupDir: string;
  #data: UserData;

  constructor(
    readonly dir: string,
    now = () => new Date(),
  ) {
    this.#backupDir = path.join(dir, 'backups');
    const file = path.join(dir, `${NAME}.json`);
    if (fs.existsSync(file)) this.#recoverIfUnreadable(file, now());
    this.#conf = new Conf<UserData>({ cwd: dir, configName: NAME, accessPropertiesByDotNotation: false, clearInvalidConfig: false });
    const raw = this.#conf.store as unknown as UserData;
    this.#data = migrate(raw);
    if (raw.schemaVersion !== CURRENT_SCHEMA) {
      // Keep the data as it was before the migration, so it can always be rolled back.
      if (raw.schemaVersion) this.#backup(now(), raw, `-before-v${CURRENT_SCHEMA}`);
      this.#conf.store = this.#data;
    }
    this.#backup(now(), this.#data);
  }

  get data(): Readonly<UserData> {
    return this.#data;
  }

  /** Applies a change and writes it; the in-memory copy changes only if the write succeeded. */
  update(change: (draft: UserData) => void): void {
    const next = structuredClone(this.#data);
    change(next);
    next.revision = (next.revision ?? 0) + 1;
    this.#conf.store = next;
    this.#data = next;
  }

  #recoverIfUnreadable(file: string, at: Date) {
    try {
      const parsed = readJson<unknown>(file);
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return;
    } catch {
      // unreadable: fall through
    }
    const aside = moveAside(file, at);
    const backup = this.#latestGoodBackup();
    if (backup) {
      fs.copyFileSync(backup, file);
      this.warnings.push({
        code: 'store-restored',
        message: `Your data file was damaged. It was kept as ${path.basename(aside)} and your data was restored from the backup of ${backupTime(backup)}.`,
      });
    } else {
      this.warnings.push({
        code: 'store-corrupt',
        message: `Your data file was damaged and no backup was found. It was kept as ${aside}; the app started with empty settings.`,
      });
    }
  }

  #backups(): string[] {
    if (!fs.existsSync(this.#backupDir)) return [];
    return fs
      .readdirSync(this.#backupDir)
      .filter((f) => f.startsWith(`${NAME}-`) && f.endsWith('.json'))
      .sort()
      .map((f) => path.join(this.#backupDir, f));
  }

  #latestGoodBackup(): string | undefined {
    for (const file of this.#backups().reverse()) {
      try {
        readJson(file);
        return file;
      } catch {
        // try an older one
      }
    }
    return undefined;
  }

  #backup(at: Date, data: UserData, suffix = '') {
    const stamp = at.toISOString().replace(/[:.]/g, '-');
    writeFileAtomic(path.join(this.#backupDir, `${NAME}-${stamp}${suffix}.json`), JSON.stringify(data));
    for (const old of this.#backups().slice(0, -KEEP_BACKUPS)) fs.rmSync(old, { force: true });
  }
}

function backupTime(file: string): string {
  const stamp = path.basename(file).slice(NAME.length + 1, -'.json'.length);
  return stamp.replace(/^(\d{4}-\d\d-\d\d)T(\d\d)-(\d\d).*$/, '$1 $2:$3 UTC');
}
