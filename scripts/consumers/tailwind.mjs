// A Tailwind v4 host (`@import "tailwindcss"` through @tailwindcss/vite): `classNames={{ button: 'rounded-full' }}`
// must win over the kit's own radius (utilities after `@layer seatkit`), while the kit's styles still win over
// Tailwind's preflight (`@layer seatkit` after `base`). The CSS is the one packages/react/README.md tells hosts to write.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createViteApp, openPage, preview } from './lib-react-app.mjs';

/** The host's stylesheet, read from the README's "Tailwind CSS" section, so the case and the docs cannot drift. */
async function readmeTailwindCss(dir) {
  const readme = await readFile(join(dir, 'node_modules/@seatkit/react/README.md'), 'utf8');
  const block = readme.match(/```css\n(\/\* src\/index\.css[^\n]*\n[\s\S]*?)```/);
  assert.ok(block, 'packages/react/README.md has a ```css block starting with /* src/index.css');
  return block[1];
}

/** @type {import('../consumers.mjs').ConsumerCase} */
export default {
  title: 'Tailwind v4: a classNames utility (rounded-full) wins over the kit default, the kit wins over preflight',
  needs: ['chromium'],
  async run(ctx) {
    const port = await ctx.freePort();
    const server = await ctx.startServer({ corsOrigins: [`http://127.0.0.1:${port}`] });
    const dir = await createViteApp(ctx, {
      dependencies: { react: '^19', 'react-dom': '^19' },
      devDependencies: { '@types/react': '^19', '@types/react-dom': '^19', tailwindcss: '^4', '@tailwindcss/vite': '^4' },
      viteConfig:
        "import { defineConfig } from 'vite';\nimport react from '@vitejs/plugin-react';\nimport tailwindcss from '@tailwindcss/vite';\n\nexport default defineConfig({ plugins: [react(), tailwindcss()] });\n",
      styles: "import './index.css';\n",
      // Written for real below, from the README (the package must be installed to read its README).
      files: { 'src/index.css': '@import "tailwindcss";\n' },
      beforeBuild: async (appDir) => ({ 'src/index.css': await readmeTailwindCss(appDir) }),
    });
    const origin = await preview(ctx, dir, port);
    const browser = await ctx.browser();
    const token = await server.token('owner@northwind.test');
    const { page, problems, waitForText } = await openPage(browser, `${origin}/?view=page&api=${encodeURIComponent(server.url)}&token=${encodeURIComponent(token)}`);
    await waitForText('member@northwind.test');

    const button = page.locator('[data-slot="button"][data-variant="primary"]').first();
    await button.waitFor();
    const style = await button.evaluate((el) => {
      const s = getComputedStyle(el);
      return { radius: s.borderTopLeftRadius, background: s.backgroundColor, classes: el.className };
    });
    ctx.log(`primary button: class="${style.classes}" border-radius ${style.radius}, background ${style.background}`);
    assert.match(style.classes, /\brounded-full\b/, 'the classNames class is on the button');
    // The kit's default is var(--seatkit-radius) = 0.5rem = 8px; rounded-full is calc(infinity * 1px).
    assert.ok(Number.parseFloat(style.radius) > 1000, `rounded-full wins over the kit's radius (got ${style.radius})`);
    // Preflight makes buttons transparent; the kit's primary button is filled.
    assert.notEqual(style.background, 'rgba(0, 0, 0, 0)', 'the kit still wins over Tailwind preflight');
    assert.deepEqual(problems(), [], 'no page or console error');
  },
};
