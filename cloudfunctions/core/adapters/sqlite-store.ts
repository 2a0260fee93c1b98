import Database from 'better-sqlite3';
import {
  checkLimit,
  collections,
  StoreError,
  type Collection,
  type CollectionName,
  type Condition,
  type FindOptions,
  type Patch,
  type Scalar,
  type Store,
  type StoredDoc,
  type Where,
} from '../ports/store';

type Db = Database.Database;
type Bind = string | number | null;

const FIELD = /^[A-Za-z_][A-Za-z0-9_]*$/;
const table = (name: string) => `"c_${name}"`;

function field(name: string): string {
  if (!FIELD.test(name)) throw new StoreError('BAD_QUERY', `bad field name: ${name}`);
  return name === '_id' ? '_id' : `json_extract(doc, '$.${name}')`;
}

/** SQLite's JSON functions read true/false as 1/0. */
const bindable = (v: Scalar): Bind => (typeof v === 'boolean' ? (v ? 1 : 0) : v);

function clause(name: string, cond: Condition, binds: Bind[]): string {
  const f = field(name);
  if (cond === null) return `${f} IS NULL`;
  if (typeof cond !== 'object') {
    binds.push(bindable(cond));
    return `${f} = ?`;
  }
  if ('$in' in cond) {
    if (cond.$in.length === 0) return '0';
    const parts = cond.$in.map((v) => {
      if (v === null) return `${f} IS NULL`;
      binds.push(bindable(v));
      return `${f} = ?`;
    });
    return `(${parts.join(' OR ')})`;
  }
  if ('$ne' in cond) {
    if (cond.$ne === null) return `${f} IS NOT NULL`;
    binds.push(bindable(cond.$ne));
    return `(${f} IS NULL OR ${f} != ?)`;
  }
  const ops = { $gt: '>', $gte: '>=', $lt: '<', $lte: '<=' } as const;
  const [op, value] = Object.entries(cond)[0] as [keyof typeof ops, string | number];
  if (!(op in ops)) throw new StoreError('BAD_QUERY', `unknown operator ${String(op)}`);
  binds.push(value);
  return `${f} ${ops[op]} ?`;
}

function whereSql(where: Where, binds: Bind[]): string {
  const parts = Object.entries(where).map(([k, c]) => clause(k, c, binds));
  return parts.length ? parts.join(' AND ') : '1';
}

class SqliteCollection<T extends StoredDoc> implements Collection<T> {
  constructor(
    private readonly db: Db,
    private readonly name: string,
  ) {}

  async add(doc: T): Promise<void> {
    try {
      this.db.prepare(`INSERT INTO ${table(this.name)} (_id, doc) VALUES (?, ?)`).run(doc._id, JSON.stringify(doc));
    } catch (e) {
      if ((e as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
        throw new StoreError('DUPLICATE_ID', `${this.name}/${doc._id} already exists`);
      }
      throw e;
    }
  }

  async get(id: string): Promise<T | null> {
    const row = this.db.prepare(`SELECT doc FROM ${table(this.name)} WHERE _id = ?`).get(id) as { doc: string } | undefined;
    return row ? (JSON.parse(row.doc) as T) : null;
  }

  async find(where: Where, options: FindOptions = {}): Promise<T[]> {
    const binds: Bind[] = [];
    const order = [...(options.orderBy ?? []), { field: '_id', direction: 'asc' as const }]
      .map((o) => `${field(o.field)} ${o.direction === 'desc' ? 'DESC' : 'ASC'}`)
      .join(', ');
    const sql = `SELECT doc FROM ${table(this.name)} WHERE ${whereSql(where, binds)} ORDER BY ${order} LIMIT ? OFFSET ?`;
    binds.push(checkLimit(options.limit), options.skip ?? 0);
    const rows = this.db.prepare(sql).all(...binds) as { doc: string }[];
    return rows.map((r) => JSON.parse(r.doc) as T);
  }

  async count(where: Where): Promise<number> {
    const binds: Bind[] = [];
    const row = this.db.prepare(`SELECT COUNT(*) AS n FROM ${table(this.name)} WHERE ${whereSql(where, binds)}`).get(...binds) as { n: number };
    return row.n;
  }

  async updateIf(id: string, condition: Where, patch: Patch<T>): Promise<0 | 1> {
    if ('_id' in patch) throw new StoreError('BAD_QUERY', '_id cannot be changed');
    // better-sqlite3 is synchronous, so nothing interleaves between this read and write.
    const binds: Bind[] = [id];
    const row = this.db
      .prepare(`SELECT doc FROM ${table(this.name)} WHERE _id = ? AND ${whereSql(condition, binds)}`)
      .get(...binds) as { doc: string } | undefined;
    if (!row) return 0;
    const next = { ...(JSON.parse(row.doc) as T), ...patch };
    this.db.prepare(`UPDATE ${table(this.name)} SET doc = ? WHERE _id = ?`).run(JSON.stringify(next), id);
    return 1;
  }

  async remove(id: string): Promise<0 | 1> {
    return this.db.prepare(`DELETE FROM ${table(this.name)} WHERE _id = ?`).run(id).changes > 0 ? 1 : 0;
  }
}

export interface SqliteStore extends Store {
  close(): void;
  /** Drops every document, keeping the collections. */
  clear(): void;
}

/** The embedded store: one SQLite file (or ':memory:'), one table per collection, documents as JSON. */
export function openSqliteStore(file: string): SqliteStore {
  const db = new Database(file);
  if (file !== ':memory:') db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  for (const name of collections) {
    db.exec(`CREATE TABLE IF NOT EXISTS ${table(name)} (_id TEXT PRIMARY KEY, doc TEXT NOT NULL)`);
  }
  const known = new Set<string>(collections);
  return {
    collection<T extends StoredDoc>(name: CollectionName): Collection<T> {
      if (!known.has(name)) throw new StoreError('COLLECTION_NOT_EXIST', `collection ${name} does not exist`);
      return new SqliteCollection<T>(db, name);
    },
    close: () => db.close(),
    clear: () => {
      for (const name of collections) db.exec(`DELETE FROM ${table(name)}`);
    },
  };
}
