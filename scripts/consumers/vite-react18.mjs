// A Vite + React 18.3 host with React 18's types: the kit's peer range says 18.2+, so it must render and typecheck there.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { checkMembersAndGate, createViteApp, preview } from './lib-react-app.mjs';

/** @type {import('../consumers.mjs').ConsumerCase} */
export default {
  title: 'Vite + React 18.3 (@types/react 18): typecheck, AccountUsersPage and AccessGate in Chromium',
  needs: ['chromium'],
  async run(ctx) {
    const port = await ctx.freePort();
    const server = await ctx.startServer({ corsOrigins: [`http://127.0.0.1:${port}`] });
    const dir = await createViteApp(ctx, {
      dependencies: { react: '~18.3.1', 'react-dom': '~18.3.1' },
      devDependencies: { '@types/react': '^18.3', '@types/react-dom': '^18.3' },
    });
    const installed = JSON.parse(await readFile(join(dir, 'node_modules/react/package.json'), 'utf8'));
    assert.match(installed.version, /^18\.3\./, 'the app runs React 18.3');
    await checkMembersAndGate(ctx, { origin: await preview(ctx, dir, port), server });
  },
};
