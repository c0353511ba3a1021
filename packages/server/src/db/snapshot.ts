import type { Database, Queryable } from './database.js';
import { DATA_TABLES } from './migrations.js';

/**
 * A copy of every data table, kept in the same database (schema `seatkit_snapshot_<name>`), to put the data
 * back in one transaction of a few statements: far faster than emptying the tables and seeding again
 * (`createTestServer`'s reset between tests and stories).
 */
export interface Snapshot {
  /** Replaces the data of every table with the copy (sequences included). */
  restore(): Promise<void>;
}

type Column = { table: string; column: string; sequence: string | null };

/** Copies the current data of every data table under `name` (a previous copy of that name is replaced). */
export async function takeSnapshot(database: Database, name: string): Promise<Snapshot> {
  if (!/^[a-z_]+$/.test(name)) throw new Error(`Snapshot names are lowercase letters and underscores (got "${name}")`);
  const schema = `seatkit_snapshot_${name}`;
  const { rows } = await database.query<Column>(
    `select table_name as "table", column_name as "column", pg_get_serial_sequence(quote_ident(table_name), column_name) as "sequence"
       from information_schema.columns
      where table_schema = current_schema() and table_name = any($1) and is_generated = 'NEVER'
      order by table_name, ordinal_position`,
    [DATA_TABLES],
  );
  // Generated columns are left out: Postgres computes them again on insert.
  const columns = new Map<string, string[]>(DATA_TABLES.map((table) => [table, []]));
  for (const row of rows) columns.get(row.table)!.push(`"${row.column}"`);
  const sequences = rows.flatMap((row) => (row.sequence ? [row.sequence] : []));

  const values = await database.transaction(async (tx) => {
    await tx.exec(`drop schema if exists ${schema} cascade; create schema ${schema};`);
    for (const table of DATA_TABLES) await tx.exec(`create table ${schema}.${table} as select ${columns.get(table)!.join(', ')} from ${table}`);
    return Promise.all(sequences.map((sequence) => sequenceState(tx, sequence)));
  });

  return {
    async restore() {
      await database.transaction(async (tx) => {
        await tx.exec(`truncate ${DATA_TABLES.join(', ')} cascade`);
        // The copy is consistent as a whole: foreign keys and triggers are not checked row by row, in any table order.
        await tx.exec(`set local session_replication_role = replica`);
        for (const table of DATA_TABLES) {
          const list = columns.get(table)!.join(', ');
          await tx.exec(`insert into ${table} (${list}) select ${list} from ${schema}.${table}`);
        }
        for (const { sequence, lastValue, isCalled } of values) {
          await tx.query(`select setval($1, $2, $3)`, [sequence, lastValue, isCalled]);
        }
      });
    },
  };
}

async function sequenceState(tx: Queryable, sequence: string) {
  const { rows } = await tx.query<{ last_value: string; is_called: boolean }>(`select last_value, is_called from ${sequence}`);
  return { sequence, lastValue: rows[0]!.last_value, isCalled: rows[0]!.is_called };
}
