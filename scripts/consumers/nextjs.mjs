// A Next.js App Router host, with the code of packages/react/README.md's "Next.js (App Router)" section verbatim
// (read from the installed package's README): a 'use client' providers file, a server component that prefetches with
// seatkitQueries and the core client, and a client component hydrated with HydrationBoundary. Plus a server component
// that uses what must import on a server (query factories, keys, message catalogs, rules), and a check of every
// shipped dist module's "use client" directive against the rule the build uses.
import assert from 'node:assert/strict';
import { readdir, readFile, writeFile, mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { clientReason, hasClientDirective } from '../../packages/react/build/client-boundary.mjs';
import { openPage } from './lib-react-app.mjs';

/** The host's auth, reduced to the signed-in user's SeatKit token (here one token given to `next start`). */
const AUTH = `export async function getBrowserToken(): Promise<string | null> {
  const response = await fetch('/api/token');
  return response.ok ? ((await response.json()) as { token: string }).token : null;
}

export async function getServerToken(): Promise<string | null> {
  return process.env.SEATKIT_TOKEN ?? null;
}
`;

const TOKEN_ROUTE = `export const dynamic = 'force-dynamic';

export function GET() {
  return Response.json({ token: process.env.SEATKIT_TOKEN });
}
`;

/** Everything that must import in a server component, used there. */
const SERVER_IMPORTS = `import { en, format, fr, memberActionState, mergeMessages, seatkitKeys, seatkitQueries } from '@seatkit/react';

export const dynamic = 'force-dynamic';

export default function ServerImports() {
  const messages = mergeMessages(en, fr);
  const state = memberActionState({ id: 'a', role: 'owner', permissions: [] }, { id: 'b', role: 'member' }, 'remove');
  return (
    <ul>
      <li data-check="fr">{fr.accessGate.title}</li>
      <li data-check="merged">{messages.accessGate.title}</li>
      <li data-check="format">{format('{count, plural, one {# seat} other {# seats}}', { count: 2 }, 'en')}</li>
      <li data-check="factory">{typeof seatkitQueries.subscriptions}</li>
      <li data-check="key">{JSON.stringify(seatkitKeys.members('org_1'))}</li>
      <li data-check="rule">{typeof state.allowed}</li>
    </ul>
  );
}
`;

const TSCONFIG = {
  compilerOptions: {
    target: 'ES2022',
    lib: ['dom', 'dom.iterable', 'esnext'],
    allowJs: false,
    skipLibCheck: true,
    strict: true,
    noEmit: true,
    esModuleInterop: true,
    module: 'esnext',
    moduleResolution: 'bundler',
    resolveJsonModule: true,
    isolatedModules: true,
    jsx: 'react-jsx',
    incremental: true,
    plugins: [{ name: 'next' }],
  },
  include: ['next-env.d.ts', '**/*.ts', '**/*.tsx', '.next/types/**/*.ts'],
  exclude: ['node_modules'],
};

/** The README's Next.js code blocks, by the path in their first line (`// app/providers.tsx`). */
function readmeFiles(readme) {
  const section = readme.slice(readme.indexOf('## Next.js (App Router)'));
  const end = section.indexOf('\n## ', 1);
  const files = {};
  for (const [, path, body] of (end > 0 ? section.slice(0, end) : section).matchAll(/```tsx\n\/\/ (\S+)[^\n]*\n([\s\S]*?)```/g)) {
    files[path] = body;
  }
  return files;
}

/** Every .js module of the installed dist: client modules carry "use client", server-safe ones do not. */
async function checkDirectives(distDir) {
  const wrong = [];
  const files = (await readdir(distDir, { recursive: true })).filter((f) => f.endsWith('.js'));
  for (const file of files) {
    const code = await readFile(join(distDir, file), 'utf8');
    const reason = clientReason(code);
    if (reason && !hasClientDirective(code)) wrong.push(`${file} ${reason} but has no "use client"`);
    if (!reason && hasClientDirective(code)) wrong.push(`${file} is server-safe but has "use client"`);
  }
  assert.deepEqual(wrong, [], 'the shipped "use client" boundary');
  for (const serverSafe of ['index.js', 'queries.js', 'query-keys.js', 'messages/index.js', 'messages/formatters.js']) {
    assert.ok(!hasClientDirective(await readFile(join(distDir, serverSafe), 'utf8')), `${serverSafe} imports on a server`);
  }
  assert.ok(hasClientDirective(await readFile(join(distDir, 'provider.js'), 'utf8')), 'provider.js is a client module');
  return files.length;
}

/** @type {import('../consumers.mjs').ConsumerCase} */
export default {
  title: 'Next.js App Router: server prefetch with seatkitQueries + HydrationBoundary, server-safe imports, next build/start, Chromium',
  needs: ['chromium'],
  async run(ctx) {
    const port = await ctx.freePort();
    const origin = `http://127.0.0.1:${port}`;
    const server = await ctx.startServer({ corsOrigins: [origin] });
    const dir = await ctx.project(
      'next-app',
      {
        scripts: { build: 'next build', start: 'next start' },
        dependencies: {
          '@seatkit/core': `file:${ctx.tarballs.core}`,
          '@seatkit/react': `file:${ctx.tarballs.react}`,
          '@tanstack/react-query': '^5',
          next: '^16',
          react: '^19',
          'react-dom': '^19',
        },
        devDependencies: { typescript: '~5.9.3', '@types/react': '^19', '@types/react-dom': '^19', '@types/node': '^20' },
      },
      {
        'tsconfig.json': `${JSON.stringify(TSCONFIG, null, 2)}\n`,
        'lib/auth.ts': AUTH,
        'app/api/token/route.ts': TOKEN_ROUTE,
        'app/server-imports/page.tsx': SERVER_IMPORTS,
        // Without an icon Chromium asks for /favicon.ico and logs its 404 as a console error.
        'app/icon.svg': '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><rect width="1" height="1"/></svg>\n',
      },
    );
    await ctx.install(dir);

    const checked = await checkDirectives(join(dir, 'node_modules/@seatkit/react/dist'));
    ctx.log(`"use client" boundary right in ${checked} dist modules`);

    const fromReadme = readmeFiles(await readFile(join(dir, 'node_modules/@seatkit/react/README.md'), 'utf8'));
    for (const path of ['app/providers.tsx', 'app/layout.tsx', 'app/users/page.tsx', 'app/users/users-area.tsx']) {
      assert.ok(fromReadme[path], `packages/react/README.md's Next.js section has a block starting with // ${path}`);
    }
    for (const [path, content] of Object.entries(fromReadme)) {
      await mkdir(dirname(join(dir, path)), { recursive: true });
      await writeFile(join(dir, path), content);
    }

    const env = { NEXT_PUBLIC_SEATKIT_URL: server.url };
    await ctx.exec('npx', ['--no-install', 'next', 'build'], { cwd: dir, env });
    await ctx.startProcess('npx', ['--no-install', 'next', 'start', '--hostname', '127.0.0.1', '--port', String(port)], {
      cwd: dir,
      env: { ...env, SEATKIT_TOKEN: await server.token('owner@northwind.test') },
      readyWhen: /Ready in|started server/i,
      timeoutMs: 60_000,
    });

    const imports = await fetch(`${origin}/server-imports`);
    const importsHtml = await imports.text();
    assert.equal(imports.status, 200, `/server-imports answers 200 (got ${imports.status}): ${importsHtml.slice(0, 300)}`);
    for (const [check, expected] of Object.entries({ fr: 'Accès refusé', merged: 'Accès refusé', format: '2 seats', factory: 'function', key: '[&quot;seatkit&quot;,&quot;org&quot;,&quot;org_1&quot;,&quot;members&quot;]', rule: 'boolean' })) {
      assert.match(importsHtml, new RegExp(`data-check="${check}">${expected.replace(/[[\]]/g, '\\$&')}<`), `server component: ${check}`);
    }

    const users = await fetch(`${origin}/users`);
    const usersHtml = await users.text();
    assert.equal(users.status, 200, `/users answers 200 (got ${users.status}): ${usersHtml.slice(0, 300)}`);
    assert.match(usersHtml, /member@northwind\.test/, 'the prefetched member is in the server-rendered HTML');

    const browser = await ctx.browser();
    const { page, problems, waitForText } = await openPage(browser, `${origin}/users`);
    await waitForText('member@northwind.test');
    // Queries the server did not prefetch (roles, invitations…) go from the browser to the server with the token.
    await waitForText('Mia Member');
    await page.waitForLoadState('networkidle');
    assert.deepEqual(problems(), [], 'no page or console error (hydration included)');
  },
};
