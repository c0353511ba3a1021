import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { expect, it } from 'vitest';

/**
 * The client as a host's bundler sees it: every runtime export except the contract, bundled,
 * minified and tree-shaken. The contract's zod schemas stay reachable from `@seatkit/core`
 * (for forms and servers), but a host that calls the API must not pay for zod. Its size is
 * size-limit's business (`.size-limit.json`), not this test's.
 */
it('bundles the client without zod or the contract’s zod modules', async () => {
  const result = await build({
    stdin: {
      contents:
        "export { createSeatKitClient, SeatKitError, isSeatKitError, describeError, defaultErrorMessages, parseEmailList, parseInvitationToken } from './src/index.ts';",
      resolveDir: fileURLToPath(new URL('..', import.meta.url)),
      loader: 'ts',
    },
    bundle: true,
    minify: true,
    treeShaking: true,
    format: 'esm',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const inputs = Object.entries(Object.values(result.metafile.outputs)[0]!.inputs)
    .filter(([, input]) => input.bytesInOutput > 0)
    .map(([path]) => path);
  expect(inputs.filter((path) => /node_modules\/zod\/|src\/contract\/(schemas|routes|errors)\.ts/.test(path))).toEqual([]);
  expect(inputs.some((path) => path.includes('node_modules/ky/'))).toBe(true);
});
