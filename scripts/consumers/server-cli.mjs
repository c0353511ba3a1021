// The reference server as an operator installs it: the `seatkit-server` bin from the packed tarball, its help,
// and a demo server that answers with its contract and signs a demo user in.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** @type {import('../consumers.mjs').ConsumerCase} */
export default {
  title: 'the packed seatkit-server CLI: bin, --help, a demo server that serves /openapi.json and /v1/me',
  async run(ctx) {
    const server = await ctx.startServer();
    // startServer installed the operator's project; its bin must be the package's own, not one from the registry.
    const bin = join(ctx.root, 'server/node_modules/.bin/seatkit-server');
    assert.ok(existsSync(bin), 'node_modules/.bin/seatkit-server exists after install');

    const help = await ctx.exec(bin, ['--help']);
    assert.match(help.stdout, /seatkit-server start/);

    const contract = await (await fetch(`${server.url}/openapi.json`)).json();
    assert.equal(contract.openapi, '3.1.0');
    assert.ok(Object.keys(contract.paths).length > 10, 'the contract lists the routes');

    const token = await server.token('admin@northwind.test');
    const me = await fetch(`${server.url}/v1/me`, { headers: { authorization: `Bearer ${token}` } });
    assert.equal(me.status, 200);
    const body = await me.json();
    assert.equal(body.user.email, 'admin@northwind.test');
  },
};
