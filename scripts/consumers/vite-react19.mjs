// A Vite + React 19 host, installed the strict way (npm's linked strategy: every package sees only what it declares,
// as under pnpm), typechecked with skipLibCheck off, built, and run in Chromium against the packed server.
import { checkMembersAndGate, createViteApp, preview } from './lib-react-app.mjs';

/** @type {import('../consumers.mjs').ConsumerCase} */
export default {
  title: 'Vite + React 19, strict (linked) install: hooks typed (not any), AccountUsersPage and AccessGate in Chromium',
  needs: ['chromium'],
  async run(ctx) {
    const port = await ctx.freePort();
    const server = await ctx.startServer({ corsOrigins: [`http://127.0.0.1:${port}`] });
    const dir = await createViteApp(ctx, {
      dependencies: { react: '^19', 'react-dom': '^19' },
      devDependencies: { '@types/react': '^19', '@types/react-dom': '^19' },
      installArgs: ['--install-strategy=linked'],
    });
    await checkMembersAndGate(ctx, { origin: await preview(ctx, dir, port), server });
  },
};
