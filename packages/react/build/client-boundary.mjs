// Which modules of @seatkit/react are client modules (React Server Components' "use client" boundary), by one rule
// shared by the build (tsup.config.ts, on dist/) and the test that guards the sources (src/client-boundary.test.ts).
//
// A module is a client module when it renders (JSX), imports React, React DOM, a Radix primitive or aria-hidden, or
// imports a hook (`use*`): it needs the browser's React. Everything else — query factories and keys, message
// catalogs, pure rules — must import cleanly in a server component, so it must NOT carry the directive: a server
// component that imports a "use client" module gets a client reference, not the function or the object.
// Barrels (`export … from`) carry no directive, as in TanStack Query: importing one costs nothing on a server.

const CLIENT_PACKAGES = /^(react|react-dom|aria-hidden)(\/|$)|^@radix-ui\//;
const IMPORT = /^import\s+(?!type\s)([\s\S]*?)\s+from\s+['"]([^'"]+)['"]/gm;
const DIRECTIVE = /^(?:\s*\/\/[^\n]*\n|\s*\/\*[\s\S]*?\*\/)*\s*['"]use client['"]/;

/** Value bindings of an import clause (`a, { b, type C, d as e }` → a, b, d); type-only ones left out. */
function importedNames(clause) {
  const names = [];
  const braces = clause.match(/\{([\s\S]*)\}/);
  const before = (braces ? clause.slice(0, braces.index) : clause).replace(/,\s*$/, '').trim();
  if (before && !before.startsWith('*')) names.push(before);
  if (before.startsWith('*')) names.push('*');
  if (braces) {
    for (const part of braces[1].split(',')) {
      const spec = part.trim();
      if (!spec || spec.startsWith('type ')) continue;
      names.push(spec.split(/\s+as\s+/)[0].trim());
    }
  }
  return names;
}

/**
 * Why `code` (a module's source or its built JS) is a client module, or `null` when it is server-safe.
 * @param {string} code
 * @param {{ jsx?: boolean }} [options] `jsx: true` for a .tsx source (its built file imports react/jsx-runtime)
 * @returns {string | null}
 */
export function clientReason(code, { jsx = false } = {}) {
  if (jsx) return 'renders JSX';
  if (isBarrel(code)) return null;
  for (const [, clause, from] of code.matchAll(IMPORT)) {
    const names = importedNames(clause);
    if (names.length === 0) continue;
    if (CLIENT_PACKAGES.test(from)) return `imports ${from}`;
    const hook = names.find((n) => /^use[A-Z]/.test(n));
    if (hook) return `imports the hook ${hook} from ${from}`;
  }
  return null;
}

/** Only imports and re-exports (esbuild turns `export { a } from './a.js'` into an import and an export). */
function isBarrel(code) {
  const rest = code
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/^\s*\/\/.*$/gm, '')
    .replace(/^\s*(import\b|export\s*[{*])[^;]*;/gm, '')
    .trim();
  return rest === '';
}

/** Whether the module's first statement is the "use client" directive (after comments). */
export function hasClientDirective(code) {
  return DIRECTIVE.test(code);
}
