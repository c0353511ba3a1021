// Shared by the browser cases: a fresh Vite + React app on the packed @seatkit/core and @seatkit/react, built with
// `vite build`, served by `vite preview`, talking to a packed seatkit-server (CORS allows the preview's origin), and
// looked at in Chromium. Not a case itself (lib-* files are skipped by scripts/consumers.mjs).
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** `0 extends 1 & T` holds only for `any`: the typecheck fails when a hook's data silently became `any`. */
export const TYPE_CHECKS = `import { useMembers, useSubscriptions, seatkitQueries } from '@seatkit/react';
import type { SeatKitClient } from '@seatkit/core';

type IsAny<T> = 0 extends 1 & T ? true : false;

export function useTypedData(client: SeatKitClient) {
  const members = useMembers();
  const notAny: IsAny<typeof members.data> = false;
  const email: IsAny<NonNullable<typeof members.data>['pages'][number]['items'][number]['email']> = false;
  const asString: string | undefined = members.data?.pages[0]?.items[0]?.email;
  const subscriptions = useSubscriptions();
  const subscriptionsNotAny: IsAny<typeof subscriptions.data> = false;
  const options = seatkitQueries.members(client, 'org');
  const keyNotAny: IsAny<typeof options.queryKey> = false;
  return { notAny, email, asString, subscriptionsNotAny, keyNotAny };
}
`;

const TSCONFIG = {
  compilerOptions: {
    target: 'ES2022',
    lib: ['ES2022', 'DOM', 'DOM.Iterable'],
    module: 'ESNext',
    moduleResolution: 'bundler',
    jsx: 'react-jsx',
    strict: true,
    noEmit: true,
    // The kit's declarations are checked too: a type that does not resolve must fail, not turn into `any`.
    skipLibCheck: false,
    types: [],
  },
  include: ['src'],
};

/** The page: `?api=<server>&token=<token>&view=page|gate`. */
const MAIN = `import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createSeatKitClient } from '@seatkit/core';
import { AccessGate, AccountUsersPage, SeatKitProvider } from '@seatkit/react';
import './styles';

const params = new URLSearchParams(window.location.search);
const client = createSeatKitClient({ baseUrl: params.get('api') ?? '', getToken: () => params.get('token') });

function App() {
  return (
    <SeatKitProvider client={client} classNames={{ button: 'rounded-full' }}>
      {params.get('view') === 'gate' ? (
        <AccessGate product="imaging-app" productName="Imaging App">
          <p data-testid="product">Imaging App is yours</p>
        </AccessGate>
      ) : (
        <AccountUsersPage />
      )}
    </SeatKitProvider>
  );
}

createRoot(document.getElementById('root')!).render(<StrictMode><App /></StrictMode>);
`;

/**
 * Writes, installs and builds the app; returns its directory. `styles` is src/styles.ts (how the host loads CSS),
 * `files` adds or replaces files, `beforeBuild(dir)` returns more once the packages are installed.
 * @param {import('../consumers.mjs').ConsumerContext} ctx
 */
export async function createViteApp(ctx, { name = 'app', dependencies, devDependencies = {}, styles, files = {}, installArgs = [], viteConfig, beforeBuild }) {
  const dir = await ctx.project(
    name,
    {
      type: 'module',
      scripts: { build: 'vite build', typecheck: 'tsc -p tsconfig.json' },
      dependencies: {
        '@seatkit/core': `file:${ctx.tarballs.core}`,
        '@seatkit/react': `file:${ctx.tarballs.react}`,
        '@tanstack/react-query': '^5',
        ...dependencies,
      },
      devDependencies: { vite: '^8', '@vitejs/plugin-react': '^6', typescript: '~5.9.3', ...devDependencies },
    },
    {
      'index.html': '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>SeatKit</title><link rel="icon" href="data:,"></head><body><div id="root"></div><script type="module" src="/src/main.tsx"></script></body></html>\n',
      'vite.config.ts': viteConfig ?? "import { defineConfig } from 'vite';\nimport react from '@vitejs/plugin-react';\n\nexport default defineConfig({ plugins: [react()] });\n",
      'tsconfig.json': `${JSON.stringify(TSCONFIG, null, 2)}\n`,
      'src/main.tsx': MAIN,
      'src/styles.ts': styles ?? "import '@seatkit/react/styles.css';\n",
      'src/type-checks.ts': TYPE_CHECKS,
      ...files,
    },
  );
  await ctx.install(dir, installArgs);
  // Files that need the installed packages (e.g. read from a package's README): `{ path: content }`.
  for (const [path, content] of Object.entries((await beforeBuild?.(dir)) ?? {})) await writeFile(join(dir, path), content);
  await ctx.exec('npx', ['--no-install', 'tsc', '-p', 'tsconfig.json'], { cwd: dir });
  await ctx.exec('npx', ['--no-install', 'vite', 'build'], { cwd: dir });
  return dir;
}

/**
 * Serves the built app with `vite preview` on `port`; returns its origin.
 * @param {import('../consumers.mjs').ConsumerContext} ctx
 */
export async function preview(ctx, dir, port) {
  await ctx.startProcess('npx', ['--no-install', 'vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], {
    cwd: dir,
    readyWhen: new RegExp(`127\\.0\\.0\\.1:${port}`),
    timeoutMs: 60_000,
  });
  return `http://127.0.0.1:${port}`;
}

/**
 * Opens `url` in a fresh page that records page errors and console errors; `problems()` lists them.
 * @param {import('playwright').Browser} browser
 */
export async function openPage(browser, url) {
  const page = await browser.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()} (${message.location().url})`);
  });
  await page.goto(url);
  return { page, problems: () => problems, waitForText: (text) => waitForText(page, text, problems) };
}

/** Waits for `text` on the page; on a timeout, says what the page showed and logged instead. */
async function waitForText(page, text, problems) {
  try {
    await page.getByText(text).first().waitFor({ timeout: 30_000 });
  } catch (error) {
    const body = (await page.locator('body').innerText().catch(() => '')).replace(/\s+/g, ' ').slice(0, 600);
    throw new Error(`"${text}" did not appear in ${page.url().split('?')[0]}: ${error.message.split('\n')[0]}\npage text: ${body}\nproblems: ${problems.join('\n') || 'none'}`);
  }
}

/**
 * The two browser checks of a Vite app: an owner sees the members in AccountUsersPage and the access-denied state of
 * AccessGate (admin@'s first organization, Lakeside Clinic, gave them no seat); a member holding a seat sees the gated product.
 * @param {import('../consumers.mjs').ConsumerContext} ctx
 */
export async function checkMembersAndGate(ctx, { origin, server }) {
  const browser = await ctx.browser();
  const at = async (email, view) => openPage(browser, `${origin}/?view=${view}&api=${encodeURIComponent(server.url)}&token=${encodeURIComponent(await server.token(email))}`);

  // The owner's first (only) organization is Northwind Dental, where member@ and Mia Member are.
  const owner = await at('owner@northwind.test', 'page');
  await owner.waitForText('member@northwind.test');
  await owner.waitForText('Mia Member');
  assert.deepEqual(owner.problems(), [], 'AccountUsersPage: no page or console error');

  const denied = await at('admin@northwind.test', 'gate');
  await denied.waitForText('Access Denied');
  assert.equal(await denied.page.getByTestId('product').count(), 0, 'AccessGate hides the product without a seat');
  assert.deepEqual(denied.problems(), [], 'AccessGate (denied): no page or console error');

  const granted = await at('member@northwind.test', 'gate');
  await granted.waitForText('Imaging App is yours');
  assert.deepEqual(granted.problems(), [], 'AccessGate (seat holder): no page or console error');
  return { browser, ownerPage: owner.page };
}
