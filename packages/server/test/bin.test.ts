import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const pkgDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const manifest = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as { bin: Record<string, string>; files: string[] };
const dir = mkdtempSync(join(tmpdir(), 'seatkit-bin-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the seatkit-server bin', () => {
  it('is a committed, executable file that ships in the tarball (npm links it at install, before any build)', () => {
    const bin = manifest.bin['seatkit-server']!;
    expect(bin).not.toMatch(/dist\//);
    const file = join(pkgDir, bin);
    expect(existsSync(file)).toBe(true);
    expect(statSync(file).mode & 0o111).not.toBe(0);
    expect(readFileSync(file, 'utf8')).toMatch(/^#!\/usr\/bin\/env node\n/);
    expect(manifest.files).toContain(bin.replace(/^\.\//, '').split('/')[0]);
  });

  it('says to build first, and exits 1, when dist/ is missing', () => {
    mkdirSync(join(dir, 'bin'));
    copyFileSync(join(pkgDir, 'bin/seatkit-server.js'), join(dir, 'bin/seatkit-server.js'));
    writeFileSync(join(dir, 'package.json'), '{"type":"module"}');
    const result = spawnSync(process.execPath, [join(dir, 'bin/seatkit-server.js'), '--help'], { encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('run npm run build first');
  });
});
