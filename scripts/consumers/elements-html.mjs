// @seatkit/elements from its tarball in a plain HTML page with no build step: examples/html's files as they are
// (index.html with its import map, app.js, serve.mjs), the packed server, and the same browser story as the
// example's own test — sign in, the members, an invitation from the dialog — with nothing logged as an error.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../lib/process.mjs';
import { signInAndInvite, watchBrowserProblems } from '../../packages/elements/test/embed-harness.mjs';

const EXAMPLE_FILES = ['index.html', 'app.js', 'serve.mjs'];

/** @type {import('../consumers.mjs').ConsumerCase} */
export default {
  title: 'Plain HTML page (no build step): <seatkit-account-users> from the elements tarball, sign in, invite someone',
  needs: ['chromium'],
  async run(ctx) {
    const files = Object.fromEntries(EXAMPLE_FILES.map((f) => [f, readFileSync(join(repoRoot, 'examples/html', f), 'utf8')]));
    const dir = await ctx.project('elements-html', { type: 'module', dependencies: { '@seatkit/elements': `file:${ctx.tarballs.elements}` } }, files);
    await ctx.install(dir);
    const page$ = await ctx.startProcess('node', ['serve.mjs'], {
      cwd: dir,
      env: { PORT: String(await ctx.freePort()) },
      readyWhen: /at (http:\/\/\S+)\/\?api=/,
    });
    const origin = page$.match[1];
    const server = await ctx.startServer({ corsOrigins: [origin] });
    const browser = await ctx.browser();
    const page = await browser.newPage();
    const problems = watchBrowserProblems(page);
    await page.goto(`${origin}/?api=${encodeURIComponent(server.url)}`);
    await signInAndInvite(page, { invitee: 'tarball.page@northwind.test' });
    assert.deepEqual(problems(), []);
  },
};
