import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect, createServer, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const cli = join(root, 'packages/server/src/cli.ts');
const tsx = join(root, 'node_modules/.bin/tsx');
const dataDir = mkdtempSync(join(tmpdir(), 'seatkit-cli-'));
const baseEnv = () => {
  const env = { ...process.env };
  for (const key of [
    'DATABASE_URL',
    'SEATKIT_AUTH',
    'SEATKIT_SECRET',
    'SMTP_URL',
    'SEATKIT_SERVER_KEY',
    'SEATKIT_APP_URL',
    'SEATKIT_JWKS_URL',
    'SEATKIT_JWT_ISSUER',
    'SEATKIT_JWT_AUDIENCE',
  ]) {
    delete env[key];
  }
  return env;
};

/** Starts the CLI and resolves with the URL it prints. */
function start(args: string[], env = baseEnv()): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = spawn(tsx, [cli, 'start', ...args], { cwd: root, env });
  let output = '';
  return new Promise((resolvePromise, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match && output.includes('dev mailbox')) resolvePromise({ child, url: match[1]!, output: () => output });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`CLI exited with ${code}: ${output}`)));
  });
}

const stop = (child: ChildProcess) =>
  new Promise<void>((done) => {
    child.removeAllListeners('exit');
    child.on('exit', () => done());
    child.kill('SIGTERM');
  });

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('seatkit-server CLI', () => {
  it('starts with the demo seed, prints sign-in hints, issues tokens and keeps data across restarts', { timeout: 120_000 }, async () => {
    const first = await start(['--seed', 'demo', '--port', '0', '--data', dataDir]);
    expect(first.output()).toContain('seatkit-server token owner@northwind.test');
    const token = spawnSync(tsx, [cli, 'token', 'owner@northwind.test', '--data', dataDir], { cwd: root, env: baseEnv(), encoding: 'utf8' });
    expect(token.status).toBe(0);
    expect(token.stdout.trim()).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    const me = async (url: string) =>
      (await fetch(`${url}/v1/me`, { headers: { authorization: `Bearer ${token.stdout.trim()}` } })).json() as Promise<any>;
    const before = await me(first.url);
    expect(before.memberships[0].organization.name).toBe('Northwind Dental');
    await stop(first.child);

    const second = await start(['--seed', 'demo', '--port', '0', '--data', dataDir]);
    const after = await me(second.url);
    expect(after.memberships.map((m: any) => m.organization.id)).toEqual(before.memberships.map((m: any) => m.organization.id));
    const members = await fetch(`${second.url}/v1/orgs/${after.memberships[0].organization.id}/members?limit=200`, {
      headers: { authorization: `Bearer ${token.stdout.trim()}` },
    });
    expect(((await members.json()) as any).items).toHaveLength(23);
    await stop(second.child);
  });

  it('refuses to start without an auth mode instead of enabling dev tokens silently', { timeout: 60_000 }, () => {
    const res = spawnSync(tsx, [cli, 'start', '--port', '0', '--data', dataDir], { cwd: root, env: baseEnv(), encoding: 'utf8' });
    expect(res.status).toBe(1);
    expect(res.stderr).toContain('SEATKIT_AUTH');
  });

  it('token without a secret explains what to do', { timeout: 60_000 }, () => {
    const res = spawnSync(tsx, [cli, 'token', 'a@example.com', '--data', join(dataDir, 'missing')], { cwd: root, env: baseEnv(), encoding: 'utf8' });
    expect(res.status).toBe(1);
    expect(res.stdout).toBe('');
    expect(res.stderr).toContain('SEATKIT_SECRET');
  });

  const run = (args: string[], env: Record<string, string> = {}) =>
    spawnSync(tsx, [cli, ...args], { cwd: root, env: { ...baseEnv(), ...env }, encoding: 'utf8' });

  it('every command answers --help and -h with its own usage', { timeout: 60_000 }, () => {
    for (const flag of ['--help', '-h']) {
      const startHelp = run(['start', flag]);
      expect(startHelp.status, `start ${flag}`).toBe(0);
      expect(startHelp.stdout).toMatch(/^Usage: seatkit-server start /);
      expect(startHelp.stdout).toContain('--port');
      expect(startHelp.stdout).toContain('SEATKIT_APP_URL');
      const tokenHelp = run(['token', flag]);
      expect(tokenHelp.status, `token ${flag}`).toBe(0);
      expect(tokenHelp.stdout).toMatch(/^Usage: seatkit-server token <email>/);
    }
    const top = run(['--help']);
    expect(top.status).toBe(0);
    expect(top.stdout).toContain('seatkit-server <command> --help');
  });

  it('an unknown option is a one-line error followed by the command usage', { timeout: 60_000 }, () => {
    const start = run(['start', '--prot', '4000']);
    expect(start.status).toBe(1);
    const [first, blank, usage] = start.stderr.split('\n');
    expect(first).toBe('seatkit-server: start: unknown option --prot');
    expect(blank).toBe('');
    expect(usage).toMatch(/^Usage: seatkit-server start /);
    const token = run(['token', 'a@example.com', '--secret', 'x']);
    expect(token.status).toBe(1);
    expect(token.stderr.split('\n')[0]).toBe('seatkit-server: token: unknown option --secret');
    expect(token.stderr).toContain('Usage: seatkit-server token');
    const command = run(['stat']);
    expect(command.status).toBe(1);
    expect(command.stderr.split('\n')[0]).toBe('seatkit-server: unknown command "stat"');
  });

  it('HTTP limits come from flags or variables (the flag wins), are listed in --help and checked before anything starts', { timeout: 120_000 }, async () => {
    const help = run(['start', '--help']).stdout;
    for (const text of ['--headers-timeout', '--request-timeout', '--keep-alive-timeout', '--max-connections', 'SEATKIT_KEEP_ALIVE_TIMEOUT_MS', 'SEATKIT_MAX_CONNECTIONS']) {
      expect(help).toContain(text);
    }
    const bad = run(['start', '--max-connections', 'lots']);
    expect(bad.status).toBe(1);
    expect(bad.stderr.split('\n')[0]).toBe('seatkit-server: invalid --max-connections lots (a whole number ≥ 0)');
    const badEnv = run(['start'], { SEATKIT_REQUEST_TIMEOUT_MS: '-5' });
    expect(badEnv.stderr.split('\n')[0]).toBe('seatkit-server: invalid --request-timeout -5 (a whole number ≥ 0, from SEATKIT_REQUEST_TIMEOUT_MS)');

    // The flag's 300 ms wins over the variable's 20 s: a client that never finishes its headers is cut off quickly.
    const env = { ...baseEnv(), SEATKIT_HEADERS_TIMEOUT_MS: '20000' };
    const server = await start(['--seed', 'demo', '--port', '0', '--data', dataDir, '--headers-timeout', '300', '--request-timeout', '1000'], env);
    const socket = connect(Number(new URL(server.url).port), '127.0.0.1');
    let received = '';
    socket.on('data', (chunk) => (received += String(chunk)));
    socket.write('GET /v1/me HTTP/1.1\r\nHost: x\r\n');
    await new Promise((done) => socket.once('close', done));
    expect(received).toMatch(/^HTTP\/1\.1 408/);
    await stop(server.child);
  });

  it('Postgres bounds and invitation rate limits come from flags or variables, are listed in --help and reach the server', { timeout: 240_000 }, async () => {
    const help = run(['start', '--help']).stdout;
    for (const text of [
      '--db-pool-size', '--db-statement-timeout', '--db-lock-timeout', '--db-idle-in-transaction-timeout', '--db-connect-timeout',
      'SEATKIT_DB_POOL_SIZE', 'SEATKIT_DB_CONNECT_TIMEOUT_MS', '--invitations-per-caller-per-hour', '--invitations-per-org-per-hour',
      'SEATKIT_INVITATIONS_PER_ORG_PER_HOUR',
    ]) {
      expect(help).toContain(text);
    }
    const bad = run(['start', '--db-lock-timeout', '5s']);
    expect(bad.stderr.split('\n')[0]).toBe('seatkit-server: invalid --db-lock-timeout 5s (a whole number ≥ 0)');
    const noPool = run(['start'], { SEATKIT_DB_POOL_SIZE: '0' });
    expect(noPool.stderr.split('\n')[0]).toBe('seatkit-server: invalid --db-pool-size 0 (at least 1)');

    // A database host that accepts connections and never answers: with --db-connect-timeout the start fails fast.
    const silent = createServer(() => {});
    await new Promise<void>((done) => silent.listen(0, '127.0.0.1', done));
    const sockets: Socket[] = [];
    // How long the CLI's first connection stayed before it gave up on it: the flag's 300 ms, not the default 5 s.
    let heldMs: number | undefined;
    silent.on('connection', (socket) => {
      const opened = Date.now();
      socket.on('close', () => (heldMs ??= Date.now() - opened));
      socket.resume(); // read (and drop) what arrives, so the client's hang-up is seen
      sockets.push(socket);
    });
    try {
      const port = (silent.address() as AddressInfo).port;
      const child = spawn(tsx, [cli, 'start', '--seed', 'demo', '--port', '0', '--data', dataDir, '--db-connect-timeout', '300'], {
        cwd: root,
        env: { ...baseEnv(), DATABASE_URL: `postgres://seatkit@127.0.0.1:${port}/seatkit` },
      });
      let stderr = '';
      child.stderr.on('data', (chunk) => (stderr += String(chunk)));
      const code = await new Promise((done) => child.on('exit', done));
      expect(code).toBe(1);
      expect(stderr).toContain('timeout');
      expect(sockets.length).toBeGreaterThan(0);
      await new Promise((done) => (heldMs === undefined ? sockets[0]!.once('close', done) : done(undefined)));
      expect(heldMs!).toBeLessThan(2_000);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((done) => silent.close(done));
    }

    // The variable sets the organization's cap to 1: the second invitation of the hour is refused.
    const server = await start(['--seed', 'demo', '--port', '0', '--data', dataDir], { ...baseEnv(), SEATKIT_INVITATIONS_PER_ORG_PER_HOUR: '1' });
    try {
      const token = run(['token', 'owner@northwind.test', '--data', dataDir]).stdout.trim();
      const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
      const me = (await (await fetch(`${server.url}/v1/me`, { headers })).json()) as any;
      const invite = (email: string) =>
        fetch(`${server.url}/v1/orgs/${me.memberships[0].organization.id}/invitations`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ invitations: [{ email, role: 'member' }] }),
        });
      const statuses = [(await invite('cli-cap-1@example.com')).status];
      const second = await invite('cli-cap-2@example.com');
      statuses.push(second.status);
      expect(statuses).toEqual([200, 429]);
      expect(((await second.json()) as any).error.code).toBe('rate_limited');
    } finally {
      await stop(server.child);
    }
  });

  it('jwt mode needs the JWKS URL, issuer and audience', { timeout: 60_000 }, () => {
    const res = run(['start', '--port', '0', '--data', dataDir], { SEATKIT_AUTH: 'jwt', SEATKIT_JWKS_URL: 'https://auth.example.com/jwks.json', SEATKIT_APP_URL: 'https://app.example.com' });
    expect(res.status).toBe(1);
    expect(res.stderr.trim()).toBe('seatkit-server: SEATKIT_AUTH=jwt needs SEATKIT_JWT_ISSUER, SEATKIT_JWT_AUDIENCE');
  });

  it('outside dev mode it refuses to start without SEATKIT_APP_URL (invitation links would point to localhost)', { timeout: 60_000 }, () => {
    const jwt = { SEATKIT_AUTH: 'jwt', SEATKIT_JWKS_URL: 'https://auth.example.com/jwks.json', SEATKIT_JWT_ISSUER: 'https://auth.example.com', SEATKIT_JWT_AUDIENCE: 'seatkit' };
    const res = run(['start', '--port', '0', '--data', dataDir], jwt);
    expect(res.status).toBe(1);
    expect(res.stderr).toContain('set SEATKIT_APP_URL');
    const bad = run(['start', '--port', '0', '--data', dataDir], { ...jwt, SEATKIT_APP_URL: 'app.example.com' });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('SEATKIT_APP_URL is not an http(s) URL');
  });

  it('the periodic job settings are listed in --help and a bad value is refused at start', { timeout: 120_000 }, () => {
    const help = run(['start', '--help']).stdout;
    for (const text of ['--jobs-interval', '--email-claim-timeout', '--outbox-retention-days', '--audit-retention-days', '--expired-reservation-days', 'SEATKIT_AUDIT_RETENTION_DAYS']) {
      expect(help).toContain(text);
    }
    const bad = run(['start', '--seed', 'demo', '--port', '0', '--data', dataDir, '--outbox-retention-days', 'week']);
    expect(bad.status).toBe(1);
    expect(bad.stderr.split('\n')[0]).toBe('seatkit-server: invalid --outbox-retention-days week (a whole number ≥ 0)');
    // Reaches the server, which checks it: audit events must outlive the rate limits' hour.
    const tooShort = run(['start', '--seed', 'demo', '--port', '0', '--data', dataDir], { SEATKIT_AUDIT_RETENTION_DAYS: '0' });
    expect(tooShort.status).toBe(1);
    expect(tooShort.stderr).toContain('jobs.auditRetentionDays must be a whole number ≥ 1 (got 0)');
  });
});
