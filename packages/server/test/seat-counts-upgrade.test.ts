import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPGliteDatabase, type Database } from '@seatkit/server';
import { migrate, MIGRATIONS } from '../src/db/migrations.js';
import { createTempPgDatabase, databaseTargets } from './helpers.js';

/**
 * A database that holds seats before migration 022 (an upgrade): the migration counts them, and the counts then
 * follow the seats written after it.
 */
for (const kind of databaseTargets()) {
  describe(`${kind}: seat counts on a database upgraded with seats in it`, () => {
    let database: Database;
    let drop: (() => Promise<void>) | undefined;
    beforeAll(async () => {
      if (kind === 'pglite') database = await createPGliteDatabase();
      else ({ database, drop } = await createTempPgDatabase());
      // The migrations before 022, as an earlier release applied them.
      const before = MIGRATIONS.slice(0, MIGRATIONS.findIndex((m) => m.name === '022_seat_counts'));
      expect(before.length).toBeGreaterThan(20);
      await database.exec(`create table seatkit_migrations (name text primary key, applied_at timestamptz not null default now())`);
      for (const migration of before) {
        await database.exec(migration.sql);
        await database.query(`insert into seatkit_migrations (name) values ($1)`, [migration.name]);
      }
    });
    afterAll(async () => {
      await database?.close();
      await drop?.();
    });

    it('counts the seats already there, then follows new ones', async () => {
      await database.exec(`
        insert into organizations (id, name) values ('org_up', 'Upgrade');
        insert into products (id, key, name) values ('prd_up', 'up', 'Up');
        insert into subscriptions (id, org_id, product_id, seat_limit) values ('sub_up1', 'org_up', 'prd_up', 500), ('sub_up2', 'org_up', 'prd_up', 500), ('sub_up3', 'org_up', 'prd_up', 5);
        insert into users (id, email) select 'usr_up' || n, 'up' || n || '@example.com' from generate_series(1, 300) n;
        insert into members (id, org_id, user_id, email, first_name, last_name, role)
          select 'mem_up' || n, 'org_up', 'usr_up' || n, 'up' || n || '@example.com', 'Up', 'N' || n, 'member' from generate_series(1, 300) n;
        insert into seat_assignments (subscription_id, member_id) select 'sub_up1', 'mem_up' || n from generate_series(1, 250) n;
        insert into seat_assignments (subscription_id, member_id) select 'sub_up2', 'mem_up' || n from generate_series(1, 40) n;
      `);
      expect((await migrate(database))[0]).toBe('022_seat_counts');
      const counts = async () =>
        Object.fromEntries(
          (
            await database.query<{ id: string; kept: number; actual: number }>(
              `select s.id, (select coalesce(sum(c.assigned), 0)::int from seat_counts c where c.subscription_id = s.id) as kept,
                      (select count(*)::int from seat_assignments sa where sa.subscription_id = s.id) as actual
                 from subscriptions s where s.org_id = 'org_up' order by s.id`,
            )
          ).rows.map((r) => [r.id, [r.kept, r.actual]]),
        );
      expect(await counts()).toEqual({ sub_up1: [250, 250], sub_up2: [40, 40], sub_up3: [0, 0] });
      await database.exec(`
        insert into seat_assignments (subscription_id, member_id) select 'sub_up3', 'mem_up' || n from generate_series(1, 5) n;
        delete from seat_assignments where subscription_id = 'sub_up1' and member_id in (select 'mem_up' || n from generate_series(1, 100) n);
      `);
      expect(await counts()).toEqual({ sub_up1: [150, 150], sub_up2: [40, 40], sub_up3: [5, 5] });
    });
  });
}
