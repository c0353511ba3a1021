// @seatkit/core in a Node ESM project, against the packed server: the calls a host's backend makes, the error it
// switches on, and the contract's zod schemas. Then @seatkit/server as a Postgres-only host installs it (no PGlite).
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The script both Node cases run, as ESM (`import`) or CommonJS (`require`, no top-level await). It prints one JSON
 * line of what it saw; `checkScenario` asserts on it. Exported for node-cjs.mjs.
 * @param {'esm' | 'cjs'} syntax
 */
export function clientScenario(syntax) {
  const load =
    syntax === 'esm'
      ? `import { createSeatKitClient, isSeatKitError, SeatKitError, describeError } from '@seatkit/core';
import { EmailSchema, ERROR_CODES } from '@seatkit/core/contract';
`
      : `const { createSeatKitClient, isSeatKitError, SeatKitError, describeError } = require('@seatkit/core');
const { EmailSchema, ERROR_CODES } = require('@seatkit/core/contract');
`;
  return `${load}
async function main() {
  const { SEATKIT_URL: url, SEATKIT_TOKEN: token } = process.env;
  const seatkit = createSeatKitClient({ baseUrl: url, getToken: () => token });
  const me = await seatkit.me();
  const northwind = me.memberships.find((m) => m.organization.name === 'Northwind Dental');
  const orgId = northwind.organization.id;
  const members = await seatkit.members.list({ orgId });
  const { results } = await seatkit.invitations.create({
    orgId,
    invitations: [{ email: 'new.hire@example.com', role: 'member' }, { email: 'not-an-email', role: 'member' }],
  });
  let bad;
  try {
    await seatkit.members.add({ orgId, email: 'not-an-email', role: 'member' });
  } catch (error) {
    bad = { code: error.code, status: error.status, isSeatKitError: isSeatKitError(error), instance: error instanceof SeatKitError, isValidation: isSeatKitError(error, 'validation_failed'), sentence: describeError(error) };
  }
  let notFound;
  try {
    await seatkit.organizations.get({ orgId: 'org_does_not_exist' });
  } catch (error) {
    notFound = error.code;
  }
  // A port nothing listens on: a real failed fetch, which must be \`network\` (and not a bug inside the client).
  let unreachable;
  try {
    await createSeatKitClient({ baseUrl: 'http://127.0.0.1:9', retry: 0 }).me();
  } catch (error) {
    unreachable = { code: error.code, message: error.message };
  }
  console.log(JSON.stringify({
    email: me.user.email,
    orgs: me.memberships.map((m) => m.organization.name).sort(),
    memberEmails: members.items.map((m) => m.email),
    invitation: results.map((r) => (r.ok ? { ok: true, email: r.invitation.email, status: r.invitation.status } : { ok: false, code: r.error.code })),
    bad,
    notFound,
    unreachable,
    zod: { good: EmailSchema.safeParse('ann@example.com').success, bad: EmailSchema.safeParse('nope').success, codes: ERROR_CODES.includes('network') },
  }));
}
main().catch((error) => {
  console.error(error);
  process.exit(1);
});
`;
}

/** Asserts on the JSON line `clientScenario` printed. */
export function checkScenario(stdout) {
  const seen = JSON.parse(stdout.trim().split('\n').pop());
  assert.equal(seen.email, 'admin@northwind.test');
  assert.deepEqual(seen.orgs, ['Lakeside Clinic', 'Northwind Dental']);
  assert.ok(seen.memberEmails.length > 5, `Northwind Dental lists its members (got ${seen.memberEmails.length})`);
  assert.ok(seen.memberEmails.includes('owner@northwind.test') && seen.memberEmails.includes('member@northwind.test'), 'the demo members are among them');
  assert.deepEqual(seen.invitation, [
    { ok: true, email: 'new.hire@example.com', status: 'pending' },
    { ok: false, code: 'validation_failed' },
  ]);
  assert.deepEqual(seen.bad, {
    code: 'validation_failed',
    status: 400,
    isSeatKitError: true,
    instance: true,
    isValidation: true,
    sentence: 'Some of the information is not valid. Please check it and try again.',
  });
  assert.equal(seen.notFound, 'not_found');
  assert.equal(seen.unreachable.code, 'network', seen.unreachable.message);
  assert.match(seen.unreachable.message, /failed before a response arrived: fetch failed/);
  assert.deepEqual(seen.zod, { good: true, bad: false, codes: true });
}

/**
 * @seatkit/server installed without @electric-sql/pglite (an optional peer): the entries load, PGlite is not
 * installed, and asking for the embedded database says what to do. Exported for node-cjs.mjs.
 * @param {import('../consumers.mjs').ConsumerContext} ctx
 * @param {'esm' | 'cjs'} syntax
 */
export async function checkServerWithoutPGlite(ctx, syntax) {
  const script =
    syntax === 'esm'
      ? `import { createSeatKitServer, createPGliteDatabase } from '@seatkit/server';
import { createPgDatabase, startNodeServer } from '@seatkit/server/node';
`
      : `const { createSeatKitServer, createPGliteDatabase } = require('@seatkit/server');
const { createPgDatabase, startNodeServer } = require('@seatkit/server/node');
`;
  const dir = await ctx.project(
    `server-${syntax}-postgres-only`,
    { type: syntax === 'esm' ? 'module' : 'commonjs', dependencies: { '@seatkit/server': `file:${ctx.tarballs.server}`, '@seatkit/core': `file:${ctx.tarballs.core}` } },
    {
      'main.js': `${script}
console.log([createSeatKitServer, createPGliteDatabase, createPgDatabase, startNodeServer].map((f) => typeof f).join(' '));
createPGliteDatabase().then(
  () => console.log('opened'),
  (error) => console.log(error.message),
);
`,
    },
  );
  await ctx.install(dir);
  assert.ok(!existsSync(join(dir, 'node_modules/@electric-sql/pglite')), 'PGlite (an optional peer) is not installed');
  assert.ok(existsSync(join(dir, 'node_modules/hono')), 'hono (a peer) is installed');
  const { stdout } = await ctx.exec('node', ['main.js'], { cwd: dir });
  const [types, outcome] = stdout.trim().split('\n');
  assert.equal(types, 'function function function function');
  assert.match(outcome, /install @electric-sql\/pglite to use the embedded database, or set DATABASE_URL/);
  const { stdout: du } = await ctx.exec('du', ['-sk', join(dir, 'node_modules')]);
  ctx.log(`install size without PGlite: ${(Number(du.split('\t')[0]) / 1024).toFixed(1)} MB`);
}

/** @type {import('../consumers.mjs').ConsumerCase} */
export default {
  title: 'Node ESM: me(), members.list, invitations.create, SeatKitError codes, the contract; the server without PGlite',
  async run(ctx) {
    const server = await ctx.startServer();
    const dir = await ctx.project('node-esm', { type: 'module', dependencies: { '@seatkit/core': `file:${ctx.tarballs.core}` } }, { 'main.js': clientScenario('esm') });
    await ctx.install(dir);
    const { stdout } = await ctx.exec('node', ['main.js'], { cwd: dir, env: { SEATKIT_URL: server.url, SEATKIT_TOKEN: await server.token('admin@northwind.test') } });
    checkScenario(stdout);
    await checkServerWithoutPGlite(ctx, 'esm');
  },
};
