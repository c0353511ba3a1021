/**
 * The const a catalog's `index.ts` exports, and `@seatkit/react/locales/<tag>` declares: the BCP 47 tag without
 * hyphens (`de` → `de`, `pt-BR` → `ptBR`, `zh-CN` → `zhCN`). No Node imports: the browser tests use it too.
 */
export const localeExportName = (tag) => tag.replaceAll('-', '');
