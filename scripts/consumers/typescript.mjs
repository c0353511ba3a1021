// The packed packages' declarations as TypeScript projects see them: `tsc --strict --noEmit` with skipLibCheck off,
// under module node16 (an ES module .mts and a CommonJS .cts) and moduleResolution bundler. Each file asserts its
// results are typed (not `any`, and exactly the contract's types) and that a wrong call is an error. A host that
// mounts the server in its own Hono app typechecks too, with no PGlite installed.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const TYPESCRIPT = '~5.9.0';

/** Type assertions every client file carries: a result typed `any` (or loosely) fails the typecheck. */
const TYPE_CHECKS = `
type IsAny<T> = 0 extends 1 & T ? true : false;
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
`;

/** The client calls of the Node cases, typed. `wrap` puts them in an async function (no top-level await in CJS). */
function clientProgram(importLine) {
  return `${importLine}
${TYPE_CHECKS}
export async function main(url: string, token: string): Promise<string> {
  const seatkit = createSeatKitClient({ baseUrl: url, getToken: () => token });
  const me = await seatkit.me();
  const orgId = me.memberships[0]!.organization.id;
  const members = await seatkit.members.list({ orgId });
  const created = await seatkit.invitations.create({ orgId, invitations: [{ email: 'ann@example.com', role: 'member' }] });

  const membersNotAny: IsAny<typeof members> = false;
  const membersExact: Equal<typeof members, Page<Member>> = true;
  const meExact: Equal<typeof me, Me> = true;
  const createdExact: Equal<typeof created, CreateInvitationsResult> = true;
  const emailExact: Equal<(typeof members.items)[number]['email'], string> = true;
  const first = created.results[0]!;
  if (first.ok) {
    const invitationExact: Equal<typeof first.invitation, Invitation> = true;
    void invitationExact;
  }

  // @ts-expect-error orgId is required: an \`any\`-typed client would accept this
  await seatkit.members.list({});
  // @ts-expect-error not a role key
  await seatkit.invitations.create({ orgId, invitations: [{ email: 'ann@example.com', role: 42 }] });

  try {
    await seatkit.members.add({ orgId, email: 'not-an-email', firstName: 'Ann', lastName: 'Lee', role: 'member' });
  } catch (error) {
    if (isSeatKitError(error, 'validation_failed')) {
      // Narrowed by the code asked for.
      const codeExact: Equal<typeof error.code, 'validation_failed'> = true;
      const statusExact: Equal<typeof error.status, number | undefined> = true;
      void codeExact, statusExact;
      return error.userMessage;
    }
    if (error instanceof SeatKitError) {
      const anyCodeExact: Equal<typeof error.code, ErrorCode> = true;
      void anyCodeExact;
      return describeError(error);
    }
  }
  void membersNotAny, membersExact, meExact, createdExact, emailExact;
  // The contract's zod schemas, typed from the same declarations.
  const parsed = EmailSchema.safeParse('ann@example.com');
  const parsedExact: Equal<typeof parsed.success, boolean> = true;
  void parsedExact;
  return members.items.map((m) => m.email).join(',');
}
`;
}

const IMPORTS = `import { createSeatKitClient, isSeatKitError, SeatKitError, describeError, type CreateInvitationsResult, type ErrorCode, type Invitation, type Me, type Member, type Page } from '@seatkit/core';
import { EmailSchema } from '@seatkit/core/contract';`;

const compilerOptions = (extra) => ({
  strict: true,
  skipLibCheck: false,
  noEmit: true,
  target: 'es2022',
  lib: ['es2022', 'dom'],
  types: [],
  noUncheckedIndexedAccess: true,
  exactOptionalPropertyTypes: true,
  ...extra,
});

/** @type {import('../consumers.mjs').ConsumerCase} */
export default {
  title: 'TypeScript --strict, skipLibCheck off: node16 ESM and CJS, bundler; results not any; a host Hono app mounts the server',
  async run(ctx) {
    const dir = await ctx.project(
      'typescript-client',
      { type: 'module', dependencies: { '@seatkit/core': `file:${ctx.tarballs.core}` }, devDependencies: { typescript: TYPESCRIPT } },
      {
        // node16: the .mts is an ES module (import conditions, index.d.ts); the .cts is CommonJS (require, index.d.cts).
        'node16/esm.mts': clientProgram(IMPORTS),
        'node16/cjs.cts': clientProgram(IMPORTS),
        'tsconfig.node16.json': JSON.stringify({ compilerOptions: compilerOptions({ module: 'node16', moduleResolution: 'node16' }), include: ['node16'] }, null, 2),
        'bundler/app.ts': clientProgram(IMPORTS),
        'tsconfig.bundler.json': JSON.stringify({ compilerOptions: compilerOptions({ module: 'esnext', moduleResolution: 'bundler' }), include: ['bundler'] }, null, 2),
        // A broken file must fail this same setup: proof that the checks above are live, not silently skipped.
        'canary/wrong.ts': `${IMPORTS}\n${TYPE_CHECKS}\nconst seatkit = createSeatKitClient({ baseUrl: 'x' });\nexport const p = seatkit.members.list({ orgId: 'o' }).then((members) => { const wrong: IsAny<typeof members> = true; return wrong; });\n`,
        'tsconfig.canary.json': JSON.stringify({ compilerOptions: compilerOptions({ module: 'esnext', moduleResolution: 'bundler' }), include: ['canary'] }, null, 2),
      },
    );
    await ctx.install(dir);
    const tsc = join(dir, 'node_modules/.bin/tsc');
    for (const project of ['tsconfig.node16.json', 'tsconfig.bundler.json']) {
      const result = await ctx.exec(tsc, ['-p', project], { cwd: dir, allowFail: true });
      assert.equal(result.code, 0, `tsc -p ${project}:\n${result.stdout}${result.stderr}`);
    }
    // Which declarations each node16 file resolved: the .cts must get core's .d.cts, the .mts its .d.ts.
    const traced = await ctx.exec(tsc, ['-p', 'tsconfig.node16.json', '--traceResolution'], { cwd: dir });
    assert.match(traced.stdout, /'@seatkit\/core' was successfully resolved to '[^']*\/index\.d\.cts'/);
    assert.match(traced.stdout, /'@seatkit\/core' was successfully resolved to '[^']*\/index\.d\.ts'/);
    const canary = await ctx.exec(tsc, ['-p', 'tsconfig.canary.json'], { cwd: dir, allowFail: true });
    assert.notEqual(canary.code, 0, 'a file asserting the members are `any` must fail');
    assert.match(canary.stdout, /TS2322/);

    // A host's own Hono app mounting SeatKit: one `hono` (the host's, as SeatKit's peer), Postgres only (no PGlite).
    // The host pins the oldest hono SeatKit allows. npm would dedupe even a hono dependency onto it; pnpm resolves a
    // dependency to the newest 4.x and nests it, and two Hono classes do not typecheck as one in `route()`: so the
    // manifest is checked too, for the peer dependency that makes every package manager share the host's copy.
    const host = await ctx.project(
      'typescript-hono-host',
      {
        type: 'module',
        dependencies: { '@seatkit/server': `file:${ctx.tarballs.server}`, '@seatkit/core': `file:${ctx.tarballs.core}`, hono: '4.13.0' },
        devDependencies: { typescript: TYPESCRIPT, '@types/node': '^20.19.0' },
      },
      {
        'src/app.ts': `import { Hono } from 'hono';
import { createSeatKitServer } from '@seatkit/server';
import { createPgDatabase } from '@seatkit/server/node';

const seatkit = await createSeatKitServer({
  database: createPgDatabase({ connectionString: process.env.DATABASE_URL ?? 'postgres://localhost/seatkit' }),
  auth: { mode: 'dev', secret: 'a-development-secret' },
});
const app = new Hono();
app.get('/', (c) => c.text('host'));
app.route('/seatkit', seatkit.app);
export default app;
`,
        'tsconfig.json': JSON.stringify({ compilerOptions: compilerOptions({ module: 'node16', moduleResolution: 'node16', lib: ['es2022'], types: ['node'] }), include: ['src'] }, null, 2),
      },
    );
    await ctx.install(host);
    const serverManifest = JSON.parse(readFileSync(join(host, 'node_modules/@seatkit/server/package.json'), 'utf8'));
    assert.ok(serverManifest.peerDependencies?.hono && !serverManifest.dependencies?.hono, 'hono is a peer dependency of @seatkit/server');
    assert.equal(serverManifest.peerDependenciesMeta?.['@electric-sql/pglite']?.optional, true, 'PGlite is an optional peer');
    assert.ok(!existsSync(join(host, 'node_modules/@electric-sql/pglite')), 'the host has no PGlite installed');
    assert.ok(!existsSync(join(host, 'node_modules/@seatkit/server/node_modules/hono')), 'SeatKit uses the host’s hono, not a copy of its own');
    const hostTsc = await ctx.exec(join(host, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.json'], { cwd: host, allowFail: true });
    assert.equal(hostTsc.code, 0, `tsc of the Hono host:\n${hostTsc.stdout}${hostTsc.stderr}`);
  },
};
