// Installs the system programs the tests need (Chromium, Postgres 15) from Debian's packages.
// CI runs on a fresh machine as root, so nothing may be assumed to be there already; a developer who is not
// root gets a message that says what to install instead of an apt-get that cannot work.
import { existsSync, readdirSync } from 'node:fs';
import { capture, isRoot, run } from './process.mjs';

export const CHROMIUM_PATH = '/usr/bin/chromium';
/** Flags for headless Chromium on these machines (root, no GPU, no network beyond loopback). */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

/** The bin folder of the newest Debian Postgres install, preferring 15 (the version CI installs). */
export function findPostgresBinDir() {
  const base = '/usr/lib/postgresql';
  if (existsSync(`${base}/15/bin/initdb`)) return `${base}/15/bin`;
  if (!existsSync(base)) return null;
  const versions = readdirSync(base)
    .filter((v) => existsSync(`${base}/${v}/bin/initdb`))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length > 0 ? `${base}/${versions[0]}/bin` : null;
}

let aptUpdated = false;

/** apt-get installs the given Debian packages (root only); returns an error message or null. */
async function aptInstall(packages) {
  if (!isRoot) {
    return `missing system packages: ${packages.join(' ')}. Install them with: sudo apt-get install -y ${packages.join(' ')}`;
  }
  if (capture('sh', ['-c', 'command -v apt-get']).status !== 0) {
    return `missing system packages (${packages.join(' ')}) and no apt-get on this machine; install them by hand`;
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  console.log(`[seatkit] installing ${packages.join(', ')} from Debian's packages (apt-get)…`);
  if (!aptUpdated) {
    const updated = await run('apt-get', ['update', '-qq'], { env });
    if (updated !== 0) return `apt-get update failed (exit ${updated})`;
    aptUpdated = true;
  }
  const code = await run('apt-get', ['install', '-y', '-qq', ...packages], { env });
  return code === 0 ? null : `apt-get install ${packages.join(' ')} failed (exit ${code})`;
}

/**
 * Makes sure Chromium (for Vitest browser mode, Storybook tests and Playwright; browsers cannot be downloaded
 * here) and/or the Postgres binaries exist. Installs both in one apt-get run when both are missing.
 * Returns a list of problems (empty when everything is there).
 */
export async function ensureSystemDeps({ chromium, postgres }) {
  const missing = [];
  if (chromium && !existsSync(CHROMIUM_PATH)) missing.push('chromium');
  if (postgres && !findPostgresBinDir()) missing.push('postgresql');
  if (missing.length === 0) return [];
  const error = await aptInstall(missing);
  const problems = [];
  if (error) problems.push(error);
  if (chromium && !existsSync(CHROMIUM_PATH)) problems.push(`${CHROMIUM_PATH} is still missing`);
  if (postgres && !findPostgresBinDir()) problems.push('Postgres binaries (/usr/lib/postgresql/*/bin) are still missing');
  return problems;
}
