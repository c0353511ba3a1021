/// <reference types="vite/client" />
import { afterEach } from 'vitest';
import { cleanup } from './render.js';

// The shipped stylesheet is loaded so axe's colour-contrast rule checks the real theme.
import.meta.glob('../styles/*.css', { eager: true });

afterEach(() => {
  cleanup();
});
