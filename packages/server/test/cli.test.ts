import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
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
  for (const key of ['DATABASE_URL', 'SEATKIT_AUTH', 'SEATKIT_SECRET', 'SMTP_URL', 'SEATKIT_SERVER_KEY']) delete env[key];
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
});
