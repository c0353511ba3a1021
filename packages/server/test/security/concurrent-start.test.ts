import { describe, expect, it } from 'vitest';
import { createSeatKitServer, silentLogger } from '@seatkit/server';
import { createPgDatabase } from '@seatkit/server/node';
import { MIGRATIONS } from '../../src/db/migrations.js';
import { createPgTestDatabase, realPostgresUrl } from './support.js';

const PG_URL = realPostgresUrl();

describe.skipIf(!PG_URL)('real Postgres: instances starting together', () => {
  it('4 servers started at the same moment on an empty database all come up (5 rounds), and each migration runs once', async () => {
    for (let round = 1; round <= 5; round++) {
      const { url, drop } = await createPgTestDatabase(PG_URL!);
      const databases = Array.from({ length: 4 }, () => createPgDatabase({ connectionString: url, max: 2 }));
      try {
        // Connected beforehand, so the four migrations reach Postgres at the same moment, not one per connect time.
        await Promise.all(databases.map((database) => database.query('select 1')));
        const started = await Promise.allSettled(
          databases.map((database) => createSeatKitServer({ database, auth: { mode: 'dev', secret: 's' }, logger: silentLogger })),
        );
        const failures = started.flatMap((s) => (s.status === 'rejected' ? [String((s.reason as Error)?.message ?? s.reason)] : []));
        expect(failures, `round ${round}`).toEqual([]);
        const { rows } = await databases[0]!.query<{ name: string }>(`select name from seatkit_migrations order by name`);
        expect(rows.map((r) => r.name)).toEqual(MIGRATIONS.map((m) => m.name));
      } finally {
        await Promise.all(databases.map((database) => database.close()));
        await drop();
      }
    }
  });
});
