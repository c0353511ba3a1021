// The reference server as an operator installs it: the `seatkit-server` bin from the packed tarball, its help,
// and a demo server that answers with its contract and signs a demo user in.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';

/** @type {import('../consumers.mjs').ConsumerCase} */
export default {
  title: 'the packed seatkit-server CLI: bin, --help, a demo server that serves /openapi.json and /v1/me',
  async run(ctx) {
    const server = await ctx.startServer();
    // startServer installed the operator's project (shared by the cases); its bin is the package's own.
    const { bin } = server;
    assert.ok(existsSync(bin), 'node_modules/.bin/seatkit-server exists after install');

    const help = await ctx.exec(bin, ['--help']);
    assert.match(help.stdout, /seatkit-server start/);
    for (const command of ['start', 'token']) {
      const usage = await ctx.exec(bin, [command, '--help']);
      assert.match(usage.stdout, new RegExp(`seatkit-server ${command}`), `${command} --help prints its usage`);
    }
    // Outside dev mode invitation links need the app's real address: no silent localhost default.
    const jwt = { SEATKIT_AUTH: 'jwt', SEATKIT_JWKS_URL: 'https://idp.example/jwks', SEATKIT_JWT_ISSUER: 'https://idp.example', SEATKIT_JWT_AUDIENCE: 'seatkit' };
    const refused = await ctx.exec(bin, ['start', '--port', '0', '--data', ctx.root], { allowFail: true, env: { ...jwt, SEATKIT_APP_URL: '' }, timeoutMs: 30_000 });
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /SEATKIT_APP_URL/);

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
