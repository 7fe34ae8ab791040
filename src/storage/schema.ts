/**
 * The shape of the reader's data, one version at a time. A migration takes version N-1 to N;
 * a store written by a newer app is refused, never overwritten.
 */
export const CURRENT_SCHEMA = 1;

export interface UserData {
  schemaVersion: number;
  settings: {
    /** The sample digest is imported once, on the first run only (deleting it later sticks). */
    sampleImported: boolean;
  };
}

export class StoreTooNewError extends Error {
  constructor(found: number) {
    super(`Your data was written by a newer version of Digest Reader (data version ${found}; this app reads up to ${CURRENT_SCHEMA}). Update the app; your data was left untouched.`);
    this.name = 'StoreTooNewError';
  }
}

type Migration = (data: Record<string, unknown>) => Record<string, unknown>;

/** migrations[n] upgrades a version n-1 store to version n. Version 0 is an empty or new store. */
const migrations: Record<number, Migration> = {
  1: (data) => ({ ...data, settings: { sampleImported: false, ...(data.settings as object | undefined) } }),
};

export function migrate(raw: unknown): UserData {
  let data = { ...(raw as Record<string, unknown>) };
  const from = typeof data.schemaVersion === 'number' ? data.schemaVersion : 0;
  if (from > CURRENT_SCHEMA) throw new StoreTooNewError(from);
  for (let v = from + 1; v <= CURRENT_SCHEMA; v++) data = { ...migrations[v](data), schemaVersion: v };
  return data as unknown as UserData;
}
