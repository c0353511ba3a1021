import type { Database, Queryable } from './database.js';
import { DATA_TABLES } from './migrations.js';

/**
 * A copy of every data table, kept in the same database (schema `seatkit_snapshot_<name>`), to put the data
 * back in one transaction of a few statements: far faster than emptying the tables and seeding again
 * (`createTestServer`'s reset between tests and stories). The copy stays in the database, so a data directory
 * dump carries it: `openSnapshot` finds it again after the dump is loaded.
 */
export interface Snapshot {
  /** When the copy was taken (moved along by `shift`). */
  readonly takenAt: Date;
  /**
   * Replaces the data of every table with the copy (sequences included). Nothing is done when nothing was written
   * since this snapshot was taken or last restored: a story that only read costs one query, not a restore.
   */
  restore(): Promise<void>;
  /**
   * Moves every date and time of the copy by `ms` milliseconds (dates by whole days), as if it had been taken `ms`
   * later: a copy made days ago (a dump) then has an invitation that expires in 7 days again, not one that expired.
   * Call `restore()` after it to see the moved data.
   */
  shift(ms: number): Promise<void>;
}

type Column = { table: string; column: string; type: string; sequence: string | null };
type SequenceState = { sequence: string; lastValue: string; isCalled: boolean };

const DAY_MS = 86_400_000;
const TIME_TYPES = new Set(['timestamp with time zone', 'timestamp without time zone']);

function schemaOf(name: string): string {
  if (!/^[a-z_]+$/.test(name)) throw new Error(`Snapshot names are lowercase letters and underscores (got "${name}")`);
  return `seatkit_snapshot_${name}`;
}

// The description of the copy, beside it: a dump carries it, and a copy made before a migration is not reused. The
// migrations applied are compared, not the columns: information_schema took seconds to answer in a browser page.
const META = 'seatkit_snapshot';
const MIGRATIONS = `select coalesce(string_agg(name, ',' order by name), '') as names from seatkit_migrations`;

/** Copies the current data of every data table under `name` (a previous copy of that name is replaced). */
export async function takeSnapshot(database: Database, name: string, takenAt = new Date()): Promise<Snapshot> {
  const schema = schemaOf(name);
  const columns = await dataColumns(database);
  const sequences = await database.transaction(async (tx) => {
    await tx.exec(`drop schema if exists ${schema} cascade; create schema ${schema};`);
    for (const table of DATA_TABLES) await tx.exec(`create table ${schema}.${table} as select ${columnList(columns, table)} from ${table}`);
    const states = await Promise.all(sequenceNames(columns).map((sequence) => sequenceState(tx, sequence)));
    const { rows } = await tx.query<{ names: string }>(MIGRATIONS);
    await tx.exec(`create table ${schema}.${META} (taken_at timestamptz not null, migrations text not null, columns text not null, sequences text not null)`);
    await tx.query(`insert into ${schema}.${META} values ($1, $2, $3, $4)`, [takenAt, rows[0]!.names, JSON.stringify(columns), JSON.stringify(states)]);
    return states;
  });
  // The data matches the copy now: fingerprinted before returning, so a write made right after (by the caller) is seen.
  return snapshotOf(database, schema, columns, sequences, takenAt, await writeFingerprint(database, sequenceNames(columns)));
}

/**
 * The copy named `name` that `takeSnapshot` left in this database (e.g. in a dump it was loaded from), or `undefined`
 * when there is none. When the tables changed since (migrations newer than the dump), the copy is taken again from the
 * current data, keeping its `takenAt`.
 */
export async function openSnapshot(database: Database, name: string): Promise<Snapshot | undefined> {
  const schema = schemaOf(name);
  const { rows: found } = await database.query<{ found: boolean }>(`select to_regclass($1) is not null as found`, [`${schema}.${META}`]);
  if (!found[0]?.found) return undefined;
  const { rows } = await database.query<{ taken_at: Date | string; migrations: string; columns: string; sequences: string; current: string }>(
    `select taken_at, migrations, columns, sequences, (${MIGRATIONS}) as current from ${schema}.${META}`,
  );
  const meta = rows[0];
  if (!meta) return undefined;
  const takenAt = new Date(meta.taken_at);
  if (meta.migrations !== meta.current) return takeSnapshot(database, name, takenAt);
  // The data may have changed since the copy was taken: the first restore() puts it back in full.
  return snapshotOf(database, schema, JSON.parse(meta.columns) as Column[], JSON.parse(meta.sequences) as SequenceState[], takenAt, undefined);
}

/** `matching`: the fingerprint of the data when it is the copy (it was just taken), else `undefined`. */
function snapshotOf(database: Database, schema: string, columns: Column[], sequences: SequenceState[], takenAt: Date, matching: string | undefined): Snapshot {
  const names = sequenceNames(columns);
  // What the data looked like right after the copy was taken or restored; `undefined` when not known to match.
  let restored = matching;
  const fingerprint = () => writeFingerprint(database, names);
  return {
    get takenAt() {
      return takenAt;
    },
    async restore() {
      if (restored !== undefined && (await fingerprint()) === restored) return;
      await database.transaction(async (tx) => {
        await tx.exec(`truncate ${DATA_TABLES.join(', ')} cascade`);
        // The copy is consistent as a whole: foreign keys and triggers are not checked row by row, in any table order.
        await tx.exec(`set local session_replication_role = replica`);
        for (const table of DATA_TABLES) {
          const list = columnList(columns, table);
          await tx.exec(`insert into ${table} (${list}) select ${list} from ${schema}.${table}`);
        }
        for (const { sequence, lastValue, isCalled } of sequences) {
          await tx.query(`select setval($1, $2, $3)`, [sequence, lastValue, isCalled]);
        }
      });
      restored = await fingerprint();
    },
    async shift(ms) {
      const days = Math.round(ms / DAY_MS);
      await database.transaction(async (tx) => {
        for (const table of DATA_TABLES) {
          const sets = columns
            .filter((c) => c.table === table && (TIME_TYPES.has(c.type) || c.type === 'date'))
            .map((c) => (c.type === 'date' ? `"${c.column}" = "${c.column}" + ${days}` : `"${c.column}" = "${c.column}" + ${Math.round(ms)} * interval '1 millisecond'`));
          if (sets.length > 0) await tx.exec(`update ${schema}.${table} set ${sets.join(', ')}`);
        }
        takenAt = new Date(takenAt.getTime() + ms);
        await tx.query(`update ${schema}.${META} set taken_at = $1`, [takenAt]);
      });
      // The live tables no longer match the copy: the next restore() must run.
      restored = undefined;
    },
  };
}

async function dataColumns(database: Queryable): Promise<Column[]> {
  const { rows } = await database.query<Column>(
    `select table_name as "table", column_name as "column", data_type as "type", pg_get_serial_sequence(quote_ident(table_name), column_name) as "sequence"
       from information_schema.columns
      where table_schema = current_schema() and table_name = any($1) and is_generated = 'NEVER'
      order by table_name, ordinal_position`,
    [DATA_TABLES],
  );
  // Generated columns are left out: Postgres computes them again on insert.
  return rows;
}

function columnList(columns: Column[], table: string): string {
  return columns
    .filter((c) => c.table === table)
    .map((c) => `"${c.column}"`)
    .join(', ');
}

function sequenceNames(columns: Column[]): string[] {
  return columns.flatMap((c) => (c.sequence ? [c.sequence] : []));
}

async function sequenceState(tx: Queryable, sequence: string): Promise<SequenceState> {
  const { rows } = await tx.query<{ last_value: string; is_called: boolean }>(`select last_value, is_called from ${sequence}`);
  return { sequence, lastValue: rows[0]!.last_value, isCalled: rows[0]!.is_called };
}

/**
 * Changes when anything is written: every write runs in a transaction that gets an id, and the snapshot's xmax (the
 * next id) moves when one ends, committed or not. A sequence can move without one (values cached by `nextval`), so
 * their values are part of it.
 */
async function writeFingerprint(database: Queryable, sequences: string[]): Promise<string> {
  const parts = [`pg_snapshot_xmax(pg_current_snapshot())::text`, ...sequences.map((s) => `(select last_value::text || is_called::text from ${s})`)];
  const { rows } = await database.query<{ fingerprint: string }>(`select ${parts.join(` || '/' || `)} as fingerprint`);
  return rows[0]!.fingerprint;
}
