import Database from 'better-sqlite3';
import { indexes } from '../indexes';
import {
  assertCollection,
  checkLimit,
  collections,
  patchFields,
  fullOrder,
  StoreError,
  TRANSACTION_ATTEMPTS,
  type Collection,
  type CollectionName,
  type Condition,
  type FindOptions,
  type Patch,
  type RecordOf,
  type Scalar,
  type Store,
  type StoredDoc,
  type Transaction,
  type Where,
} from '../ports/store';

type Db = Database.Database;
type Bind = string | number | null;

const FIELD = /^[A-Za-z_][A-Za-z0-9_]*$/;
const table = (name: string) => `"c_${name}"`;

function checkField(name: string): string {
  if (!FIELD.test(name)) throw new StoreError('BAD_QUERY', `bad field name: ${name}`);
  return name;
}

/** The one spelling of a field that queries and expression indexes share, so SQLite can match them. */
const field = (name: string): string => (checkField(name) === '_id' ? '_id' : `json_extract(doc, '$.${name}')`);

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
    const values = cond.$in.filter((v) => v !== null);
    const parts: string[] = [];
    if (values.length) {
      binds.push(...values.map(bindable));
      parts.push(`${f} IN (${values.map(() => '?').join(', ')})`);
    }
    if (values.length < cond.$in.length) parts.push(`${f} IS NULL`);
    return parts.length ? `(${parts.join(' OR ')})` : '0';
  }
  if ('$ne' in cond) {
    if (cond.$ne === null) return `${f} IS NOT NULL`;
    binds.push(bindable(cond.$ne));
    return `(${f} IS NULL OR ${f} != ?)`;
  }
  const ops = { $gt: '>', $gte: '>=', $lt: '<', $lte: '<=' } as const;
  const entries = Object.entries(cond);
  const [op, value] = (entries[0] ?? []) as [keyof typeof ops, Scalar];
  if (entries.length !== 1 || !(op in ops)) throw new StoreError('BAD_QUERY', `unknown condition ${JSON.stringify(cond)}`);
  binds.push(bindable(value));
  return `${f} ${ops[op]} ?`;
}

function whereSql(where: Where<unknown>, binds: Bind[]): string {
  const parts = Object.entries(where as Record<string, Condition>)
    .filter(([, c]) => c !== undefined)
    .map(([k, c]) => clause(k, c, binds));
  return parts.length ? parts.join(' AND ') : '1';
}

interface Engine {
  db: Db;
  /** Prepared statements by SQL text: preparing costs more than running a simple statement. */
  prepare(sql: string): Database.Statement;
  /** Throws when a filtered query would scan a whole table (tests turn this on). */
  checkPlan(sql: string, binds: Bind[], where: Where<unknown>): void;
}

class SqliteCollection<T extends StoredDoc> implements Collection<T> {
  constructor(
    private readonly engine: Engine,
    private readonly name: string,
  ) {}

  async add(doc: T): Promise<void> {
    insert(this.engine, this.name, doc);
  }

  async get(id: string): Promise<T | null> {
    const text = readText(this.engine, this.name, id);
    return text === null ? null : (JSON.parse(text) as T);
  }

  async find(where: Where<T>, options: FindOptions<T> = {}): Promise<T[]> {
    const binds: Bind[] = [];
    const order = fullOrder(options.orderBy)
      .map((o) => `${field(o.field)} ${o.direction === 'desc' ? 'DESC' : 'ASC'}`)
      .join(', ');
    const sql = `SELECT doc FROM ${table(this.name)} WHERE ${whereSql(where, binds)} ORDER BY ${order} LIMIT ?`;
    binds.push(checkLimit(options.limit));
    this.engine.checkPlan(sql, binds, where);
    const rows = this.engine.prepare(sql).all(...binds) as { doc: string }[];
    return rows.map((r) => JSON.parse(r.doc) as T);
  }

  async count(where: Where<T>): Promise<number> {
    const binds: Bind[] = [];
    const sql = `SELECT COUNT(*) AS n FROM ${table(this.name)} WHERE ${whereSql(where, binds)}`;
    this.engine.checkPlan(sql, binds, where);
    return (this.engine.prepare(sql).get(...binds) as { n: number }).n;
  }

  async updateIf(id: string, condition: Where<T>, patch: Patch<T>): Promise<0 | 1> {
    // One UPDATE statement, so the check and the write are atomic across processes sharing the file too.
    const fields = patchFields(patch);
    const binds: Bind[] = fields.map(([, v]) => JSON.stringify(v));
    const set = fields.map(([k]) => `'$.${checkField(k)}', json(?)`).join(', ');
    binds.push(id);
    const sql = `UPDATE ${table(this.name)} SET doc = json_set(doc, ${set}) WHERE _id = ? AND ${whereSql(condition, binds)}`;
    return this.engine.prepare(sql).run(...binds).changes > 0 ? 1 : 0;
  }

  async remove(id: string): Promise<0 | 1> {
    return this.engine.prepare(`DELETE FROM ${table(this.name)} WHERE _id = ?`).run(id).changes > 0 ? 1 : 0;
  }
}

function readText(engine: Engine, name: string, id: string): string | null {
  const row = engine.prepare(`SELECT doc FROM ${table(name)} WHERE _id = ?`).get(id) as { doc: string } | undefined;
  return row ? row.doc : null;
}

function insert(engine: Engine, name: string, doc: StoredDoc): void {
  try {
    engine.prepare(`INSERT INTO ${table(name)} (_id, doc) VALUES (?, ?)`).run(doc._id, JSON.stringify(doc));
  } catch (e) {
    if ((e as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
      throw new StoreError('DUPLICATE_ID', `${name}/${doc._id} already exists`);
    }
    throw e;
  }
}

const txKey = (name: string, id: string) => `${name}\u0000${id}`;

interface PendingWrite {
  name: string;
  id: string;
  kind: 'add' | 'put' | 'remove';
  doc: StoredDoc | null;
}

/**
 * Optimistic snapshot isolation, as CloudBase gives it: reads remember the text they
 * saw, writes wait in memory, and the commit (one IMMEDIATE transaction, so it holds
 * against other processes on the file too) applies them only if nothing read has
 * changed since. Nothing is held open across the work's awaits.
 */
class SqliteTransaction implements Transaction {
  private readonly seen = new Map<string, string | null>();
  private readonly writes = new Map<string, PendingWrite>();

  constructor(private readonly engine: Engine) {}

  private known(name: string, id: string): StoredDoc | null {
    const key = txKey(name, id);
    const pending = this.writes.get(key);
    if (pending) return pending.doc;
    if (!this.seen.has(key)) this.seen.set(key, readText(this.engine, name, id));
    const text = this.seen.get(key) ?? null;
    return text === null ? null : (JSON.parse(text) as StoredDoc);
  }

  async get<N extends CollectionName>(name: N, id: string): Promise<RecordOf<N> | null> {
    assertCollection(name);
    return this.known(name, id) as RecordOf<N> | null;
  }

  async add<N extends CollectionName>(name: N, doc: RecordOf<N>): Promise<void> {
    assertCollection(name);
    const key = txKey(name, doc._id);
    const pending = this.writes.get(key);
    // Read now, as CloudBase's insert would find the id taken at this call, not at the commit.
    const exists = pending ? pending.doc !== null : this.known(name, doc._id) !== null;
    if (exists) throw new StoreError('DUPLICATE_ID', `${name}/${doc._id} already exists`);
    // Re-adding what this transaction removed replaces the stored document; anything else is an insert.
    const kind = pending?.kind === 'remove' ? 'put' : 'add';
    this.writes.set(key, { name, id: doc._id, kind, doc: structuredClone(doc) });
  }

  private readFirst(name: string, id: string, op: string): { key: string; doc: StoredDoc } {
    const key = txKey(name, id);
    if (!this.seen.has(key) && !this.writes.has(key)) {
      throw new StoreError('BAD_QUERY', `${op} ${name}/${id}: read it in this transaction first`);
    }
    const doc = this.known(name, id);
    if (!doc) throw new StoreError('BAD_QUERY', `${op} ${name}/${id}: no such document`);
    return { key, doc };
  }

  async update<N extends CollectionName>(name: N, id: string, patch: Patch<RecordOf<N>>): Promise<void> {
    const fields = patchFields(patch);
    const { key, doc } = this.readFirst(name, id, 'update');
    const kind = this.writes.get(key)?.kind === 'add' ? 'add' : 'put';
    this.writes.set(key, { name, id, kind, doc: { ...doc, ...structuredClone(Object.fromEntries(fields)) } });
  }

  async remove<N extends CollectionName>(name: N, id: string): Promise<void> {
    const { key } = this.readFirst(name, id, 'remove');
    if (this.writes.get(key)?.kind === 'add' && !this.seen.get(key)) this.writes.delete(key);
    else this.writes.set(key, { name, id, kind: 'remove', doc: null });
  }

  /** True when the writes landed; false when a concurrent writer got there first. */
  commit(): boolean {
    if (this.writes.size === 0 && this.seen.size === 0) return true;
    const apply = this.engine.db.transaction(() => {
      for (const [key, text] of this.seen) {
        const [name, id] = key.split('\u0000');
        if (readText(this.engine, name, id) !== text) return false;
      }
      for (const w of this.writes.values()) {
        if (w.kind === 'add') insert(this.engine, w.name, w.doc!);
        else if (w.kind === 'put') {
          this.engine.prepare(`INSERT OR REPLACE INTO ${table(w.name)} (_id, doc) VALUES (?, ?)`).run(w.id, JSON.stringify(w.doc));
        } else this.engine.prepare(`DELETE FROM ${table(w.name)} WHERE _id = ?`).run(w.id);
      }
      return true;
    });
    return apply.immediate();
  }
}

export interface SqliteStore extends Store {
  close(): void;
  /** Drops every document, keeping the collections. */
  clear(): void;
}

export interface SqliteOptions {
  /** Refuse any filtered query that no index serves: how tests prove that `indexes` covers every query. */
  requireIndexes?: boolean;
}

/** The embedded store: one SQLite file (or ':memory:'), one table per collection, documents as JSON. */
export function openSqliteStore(file: string, options: SqliteOptions = {}): SqliteStore {
  const db = new Database(file);
  if (file !== ':memory:') db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  // Another process (provisioning beside the stand-in) may hold the write lock for a moment.
  db.pragma('busy_timeout = 5000');
  for (const name of collections) {
    db.exec(`CREATE TABLE IF NOT EXISTS ${table(name)} (_id TEXT PRIMARY KEY, doc TEXT NOT NULL)`);
    for (const index of indexes[name]) {
      const keys = [...index.keys.map((k) => field(k.field as string)), '_id'].join(', ');
      db.exec(`CREATE INDEX IF NOT EXISTS "ix_${name}_${index.name}" ON ${table(name)} (${keys})`);
    }
  }
  const statements = new Map<string, Database.Statement>();
  const planned = new Set<string>();
  const engine: Engine = {
    db,
    prepare(sql) {
      let st = statements.get(sql);
      if (!st) {
        st = db.prepare(sql);
        statements.set(sql, st);
      }
      return st;
    },
    checkPlan(sql, binds, where) {
      if (!options.requireIndexes || Object.keys(where).length === 0 || planned.has(sql)) return;
      const plan = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...binds) as { detail: string }[];
      const scan = plan.find((p) => /^SCAN c_/.test(p.detail));
      if (scan) throw new StoreError('BAD_QUERY', `no index serves this query (${scan.detail}): ${sql}`);
      planned.add(sql);
    },
  };
  return {
    collection<N extends CollectionName>(name: N): Collection<RecordOf<N>> {
      assertCollection(name);
      return new SqliteCollection<RecordOf<N>>(engine, name);
    },
    async transaction<R>(work: (tx: Transaction) => Promise<R>): Promise<R> {
      for (let attempt = 1; ; attempt++) {
        const tx = new SqliteTransaction(engine);
        const result = await work(tx);
        if (tx.commit()) return result;
        if (attempt >= TRANSACTION_ATTEMPTS) throw new StoreError('CONFLICT', `transaction conflicted ${attempt} times`);
      }
    },
    close: () => db.close(),
    clear: () => {
      for (const name of collections) db.exec(`DELETE FROM ${table(name)}`);
    },
  };
}
