import { spawn, type ChildProcess } from 'node:child_process';
import { Agent, request as httpRequest } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createPgTestDatabase, realPostgresUrl } from './security/support.js';

const PG_URL = realPostgresUrl();
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const cli = join(root, 'packages/server/src/cli.ts');
const tsx = join(root, 'node_modules/.bin/tsx');

interface Instance {
  name: string;
  child: ChildProcess;
  url: string;
  agent: Agent;
  /** In rotation: its last /readyz answered 200. */
  healthy: boolean;
  served: number;
  output: () => string;
  exited: Promise<number | null>;
}

/** Starts the real CLI on Postgres; resolves once it prints where it listens. */
function startInstance(name: string, databaseUrl: string, dataDir: string, extra: string[]): Promise<Instance> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    SEATKIT_AUTH: 'dev',
    SEATKIT_SECRET: 'rolling-restart-secret',
    SEATKIT_SERVER_KEY: 'sk_rolling',
    SEATKIT_APP_URL: 'http://app.test',
  };
  const child = spawn(tsx, [cli, 'start', '--port', '0', '--data', dataDir, '--log-level', 'warn', '--jobs-interval', '500', '--shutdown-drain-delay', '1000', ...extra], { cwd: root, env });
  let output = '';
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  return new Promise((resolvePromise, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match) {
        child.stdout!.off('data', onData);
        child.stdout!.on('data', (more: Buffer) => (output += more.toString()));
        resolvePromise({ name, child, url: match[1]!, agent: new Agent({ keepAlive: true }), healthy: false, served: 0, output: () => output, exited });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    void exited.then((code) => reject(new Error(`${name} exited with ${code} before listening: ${output}`)));
  });
}

interface Answer {
  status: number;
  body: string;
}

/** One HTTP request on the instance's keep-alive agent; rejects with the socket's error (code ECONNREFUSED when refused). */
function send(instance: Instance, method: string, path: string, headers: Record<string, string>, body?: string): Promise<Answer> {
  return new Promise((done, fail) => {
    const req = httpRequest(`${instance.url}${path}`, { method, headers, agent: instance.agent }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => done({ status: res.statusCode!, body: text }));
      res.on('error', fail);
    });
    req.on('error', fail);
    req.end(body);
  });
}

/**
 * What a load balancer does: probes /readyz of every instance, sends each request to the next instance in rotation,
 * and retries on another only when the connection was refused (nothing was sent). Anything else is a failed request.
 */
class Balancer {
  instances: Instance[] = [];
  failures: string[] = [];
  completed = 0;
  refusedRetries = 0;
  /** Instances whose /readyz answered 503 while they still served (draining). */
  sawDraining = new Set<string>();
  private next = 0;
  private waiters = new Set<() => void>();
  private probing = true;

  notify() {
    for (const w of this.waiters) w();
  }

  /** Resolves once `condition` holds, checked after every request and probe. */
  until(condition: () => boolean): Promise<void> {
    if (condition()) return Promise.resolve();
    return new Promise((done) => {
      const check = () => {
        if (!condition()) return;
        this.waiters.delete(check);
        done();
      };
      this.waiters.add(check);
    });
  }

  async probeLoop() {
    while (this.probing) {
      await Promise.all(
        this.instances.map(async (instance) => {
          try {
            const res = await send(instance, 'GET', '/readyz', {});
            instance.healthy = res.status === 200;
            if (res.status === 503 && JSON.parse(res.body).checks.shutdown !== 'ok') this.sawDraining.add(instance.name);
          } catch {
            instance.healthy = false;
          }
        }),
      );
      this.notify();
      // The probe interval of a load balancer (not a wait for a state).
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  stopProbing() {
    this.probing = false;
  }

  async call(method: string, path: string, headers: Record<string, string>, body?: string): Promise<Answer | null> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const pool = this.instances.filter((i) => i.healthy);
      if (!pool.length) {
        await this.until(() => this.instances.some((i) => i.healthy));
        continue;
      }
      const instance = pool[this.next++ % pool.length]!;
      try {
        const answer = await send(instance, method, path, headers, body);
        instance.served++;
        this.completed++;
        if (answer.status >= 500) this.failures.push(`${instance.name} ${method} ${path} → ${answer.status} ${answer.body}`);
        this.notify();
        return answer;
      } catch (error) {
        const code = (error as { code?: string }).code;
        if (code === 'ECONNREFUSED') {
          this.refusedRetries++;
          continue;
        }
        this.failures.push(`${instance.name} ${method} ${path} → ${code ?? ''} ${(error as Error).message}`);
        this.notify();
        return null;
      }
    }
    this.failures.push(`${method} ${path}: refused 5 times`);
    return null;
  }
}

describe.skipIf(!PG_URL)('real Postgres: rolling restart of one of two CLI instances under load', () => {
  it('SIGTERM drains (readyz 503), finishes what is in flight and exits 0; no request fails across the restart', { timeout: 180_000 }, async () => {
    const { url: databaseUrl, drop } = await createPgTestDatabase(PG_URL!);
    const dataDir = mkdtempSync(join(tmpdir(), 'seatkit-rolling-'));
    const lb = new Balancer();
    const started: Instance[] = [];
    let load: Promise<void>[] = [];
    let running = true;
    try {
      const a = await startInstance('a', databaseUrl, dataDir, ['--seed', 'demo']);
      started.push(a);
      const b = await startInstance('b', databaseUrl, dataDir, []);
      started.push(b);
      lb.instances.push(a, b);
      const probing = lb.probeLoop();
      await lb.until(() => a.healthy && b.healthy);

      const token = JSON.parse((await lb.call('POST', '/dev/token', { 'content-type': 'application/json' }, JSON.stringify({ email: 'owner@northwind.test' })))!.body).token as string;
      const me = JSON.parse((await lb.call('GET', '/v1/me', { authorization: `Bearer ${token}` }))!.body);
      const orgId = me.memberships.find((m: { organization: { name: string } }) => m.organization.name === 'Northwind Dental').organization.id as string;
      const auth = { authorization: `Bearer ${token}` };
      let invited = 0;
      const worker = async (w: number) => {
        for (let i = 0; running; i++) {
          if (i % 5 === 4) {
            const body = JSON.stringify({ invitations: [{ email: `rolling.${w}.${invited++}@example.test`, role: 'member' }] });
            await lb.call('POST', `/v1/orgs/${orgId}/invitations`, { ...auth, 'content-type': 'application/json' }, body);
          } else {
            await lb.call('GET', `/v1/orgs/${orgId}/members?limit=20`, auth);
          }
        }
      };
      load = [0, 1, 2, 3].map(worker);
      await lb.until(() => a.served >= 40 && b.served >= 40);

      // Roll instance a: SIGTERM, it drains and leaves; a fresh a2 takes its place.
      const servedBeforeStop = a.served;
      a.child.kill('SIGTERM');
      const aExit = await a.exited;
      const servedAfterSigterm = a.served - servedBeforeStop;
      lb.instances = lb.instances.filter((i) => i !== a);
      const a2 = await startInstance('a2', databaseUrl, dataDir, []);
      started.push(a2);
      lb.instances.push(a2);
      await lb.until(() => a2.served >= 40);
      running = false;
      await Promise.all(load);
      lb.stopProbing();
      await probing;

      console.log(
        `[rolling restart] ${lb.completed} requests (a ${a.served}, b ${b.served}, a2 ${a2.served}), ${servedAfterSigterm} answered by a after SIGTERM, ` +
          `${lb.refusedRetries} refused connections retried, ${lb.failures.length} failed`,
      );
      expect(lb.failures).toEqual([]);
      // Its /readyz said 503 while it still served, so the balancer took it out before its listener closed.
      expect([...lb.sawDraining]).toEqual(['a']);
      expect(aExit).toBe(0);
      // Warnings and errors only (--log-level warn): a clean drain writes none.
      expect(a.output()).not.toMatch(/"level":"(warn|error)"/);
      expect(servedAfterSigterm).toBeGreaterThan(0);

      for (const instance of [b, a2]) instance.child.kill('SIGTERM');
      expect(await Promise.all([b.exited, a2.exited])).toEqual([0, 0]);
      // Both stopped before their emails were all sent? None is left claimed: another instance can send them at once.
      const { default: pg } = await import('pg');
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      const { rows } = await client.query(`select count(*)::int as n from outbox_emails where status = 'sending'`);
      await client.end();
      expect(rows[0].n).toBe(0);
    } finally {
      running = false;
      lb.stopProbing();
      for (const instance of started) if (instance.child.exitCode === null) instance.child.kill('SIGKILL');
      await Promise.all(started.map((i) => i.exited));
      for (const instance of started) instance.agent.destroy();
      await drop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
