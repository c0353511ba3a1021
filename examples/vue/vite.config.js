import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [
    vue({
      // <seatkit-*> are custom elements (from @seatkit/elements), not Vue components.
      template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('seatkit-') } },
    }),
  ],
  server: { port: 5174 },
  // The elements bundle holds React and the whole kit (see the budget in .size-limit.json).
  build: { chunkSizeWarningLimit: 800 },
});
