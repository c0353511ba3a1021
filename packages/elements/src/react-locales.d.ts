// `@seatkit/react/locales/<tag>` resolves to the react package's built dist/locales/<tag>.d.ts once it is built. The
// repository's typecheck runs before any build (the root tsconfig maps `@seatkit/react` to its sources, not this
// subpath), so this fallback declares the same shape: one `Messages` const named after the tag.
declare module '@seatkit/react/locales/*' {
  import type { Messages } from '@seatkit/react';
  export const en: Messages;
  export const fr: Messages;
  export const de: Messages;
  export const es: Messages;
  export const ptBR: Messages;
  export const it: Messages;
  export const nl: Messages;
  export const pl: Messages;
  export const ja: Messages;
  export const zhCN: Messages;
  export const ar: Messages;
  export const he: Messages;
}
