import { mkdirSync, readFileSync, renameSync, writeFileSync, existsSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Context } from 'cognito-local/lib/services/context.js';
import type { DataStore } from 'cognito-local/lib/services/dataStore/dataStore.js';
import type { DataStoreFactory } from 'cognito-local/lib/services/dataStore/factory.js';

type Json = Record<string, unknown>;

// cognito-local stores Dates under keys ending in "Date", as its own StormDB store does.
const datesToIso = function (this: Json, key: string, value: unknown) {
  const raw = this[key];
  return key.endsWith('Date') && raw instanceof Date ? raw.toISOString() : value;
};
const isoToDates = (key: string, value: unknown) =>
  key.endsWith('Date') && (typeof value === 'string' || typeof value === 'number') ? new Date(value) : value;

/**
 * A drop-in for cognito-local's StormDB store. StormDB writes the whole file with
 * overlapping `fs.writeFile` calls, so two workers signing up at once can leave a
 * truncated database behind that the next start refuses to load. Here the state
 * lives in memory, and each change is snapshotted and written in order through a
 * temporary file and a rename, so the file on disk is always whole.
 */
class JsonFileStore implements DataStore {
  private pending: Promise<void> = Promise.resolve();

  constructor(
    private readonly file: string,
    private readonly root: Json,
  ) {}

  async getRoot<T>(): Promise<T | null> {
    return this.root as T;
  }

  async get<T>(_ctx: Context, key: string | string[], defaultValue?: T): Promise<T> {
    let node: unknown = this.root;
    for (const part of keyPath(key)) {
      if (node === null || typeof node !== 'object') return (defaultValue ?? null) as T;
      node = (node as Json)[part];
    }
    return (node ?? defaultValue ?? null) as T;
  }

  async set<T>(_ctx: Context, key: string | string[], value: T): Promise<void> {
    const parts = keyPath(key);
    const last = parts.pop() as string;
    let node = this.root;
    for (const part of parts) {
      if (node[part] === null || typeof node[part] !== 'object') node[part] = {};
      node = node[part] as Json;
    }
    node[last] = value;
    await this.persist();
  }

  async delete(_ctx: Context, key: string | string[]): Promise<void> {
    const parts = keyPath(key);
    const last = parts.pop() as string;
    let node: unknown = this.root;
    for (const part of parts) node = (node as Json | undefined)?.[part];
    if (node && typeof node === 'object') delete (node as Json)[last];
    await this.persist();
  }

  /** Resolves when every change made so far is on disk. */
  flushed(): Promise<void> {
    return this.pending;
  }

  private persist(): Promise<void> {
    const snapshot = JSON.stringify(this.root, datesToIso, 2);
    const temporary = `${this.file}.${process.pid}.tmp`;
    // A failed write is reported to its own caller; the next write still runs.
    const write = this.pending
      .catch(() => undefined)
      .then(async () => {
        await writeFile(temporary, snapshot);
        await rename(temporary, this.file);
      });
    this.pending = write.catch(() => undefined);
    return write;
  }
}

function keyPath(key: string | string[]): string[] {
  return Array.isArray(key) ? [...key] : [key];
}

export class JsonFileStoreFactory implements DataStoreFactory {
  private readonly stores: JsonFileStore[] = [];

  constructor(private readonly directory: string) {}

  async create(_ctx: Context, id: string, defaults: object): Promise<DataStore> {
    mkdirSync(this.directory, { recursive: true });
    const file = path.join(this.directory, `${id}.json`);
    const saved = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8'), isoToDates) as Json) : {};
    const root = { ...defaults, ...saved };
    if (!existsSync(file)) {
      writeFileSync(`${file}.tmp`, JSON.stringify(root, datesToIso, 2));
      renameSync(`${file}.tmp`, file);
    }
    const store = new JsonFileStore(file, root);
    this.stores.push(store);
    return store;
  }

  /** Waits for every pending write, so a clean shutdown loses nothing. */
  async flush(): Promise<void> {
    await Promise.all(this.stores.map((store) => store.flushed()));
  }
}
