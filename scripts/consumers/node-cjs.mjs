// @seatkit/core with require() in a CommonJS project, against the packed server: the same calls and errors as the
// ESM case (ky, which has no CommonJS build, must be bundled into core's .cjs). Then @seatkit/server required
// without PGlite.
import { checkScenario, checkServerWithoutPGlite, clientScenario } from './node-esm.mjs';

/** @type {import('../consumers.mjs').ConsumerCase} */
export default {
  title: 'Node CommonJS: require() of core — me(), members.list, invitations.create, SeatKitError codes; the server without PGlite',
  async run(ctx) {
    const server = await ctx.startServer();
    const dir = await ctx.project('node-cjs', { type: 'commonjs', dependencies: { '@seatkit/core': `file:${ctx.tarballs.core}` } }, { 'main.js': clientScenario('cjs') });
    await ctx.install(dir);
    const { stdout } = await ctx.exec('node', ['main.js'], { cwd: dir, env: { SEATKIT_URL: server.url, SEATKIT_TOKEN: await server.token('admin@northwind.test') } });
    checkScenario(stdout);
    await checkServerWithoutPGlite(ctx, 'cjs');
  },
};
