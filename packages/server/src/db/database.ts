/** The rows a query returned. */
export interface QueryResult<Row> {
  rows: Row[];
}

/** Something SQL can be sent to: the database itself or an open transaction. */
export interface Queryable {
  /** One statement with `$1`-style parameters. */
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<QueryResult<Row>>;
  /** Several statements without parameters (migrations, truncation). */
  exec(sql: string): Promise<void>;
}

/**
 * The small database adapter SeatKit runs on: raw SQL, one transaction helper, nothing else.
 * `createPGliteDatabase` (embedded, browser-safe) and `createPgDatabase` (`@seatkit/server/node`) implement it;
 * any Postgres-compatible driver can, too.
 */
export interface Database extends Queryable {
  /** `pglite`, `pg` or a custom adapter's name; shown in logs. */
  readonly kind: string;
  /**
   * Runs `fn` inside one transaction and commits when it resolves, rolls back when it throws.
   * Every statement of `fn` must go through the `tx` it receives.
   */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
