import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// The kit's styles (CSS variables `--seatkit-*`, light and dark, in `@layer seatkit` so the rules below win).
import '@seatkit/react/styles.css';
import './app.css';
import { App } from './app.js';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
