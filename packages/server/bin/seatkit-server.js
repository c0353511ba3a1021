#!/usr/bin/env node
// Committed, not built: npm links a package's bins when it installs it, so in the workspace
// `node_modules/.bin/seatkit-server` has to exist before `npm run build` has made dist/.
// Were it missing, `npx seatkit-server` would fetch whatever package of that name the registry has.
import { existsSync } from 'node:fs';

const cli = new URL('../dist/cli.js', import.meta.url);
if (!existsSync(cli)) {
  process.stderr.write('seatkit-server: @seatkit/server is not built yet (no dist/cli.js): run npm run build first.\n');
  process.exit(1);
}
await import(cli.href);
