import { localeExportName } from '../../build/locale-name.mjs';
import type { Messages } from '../messages/types.js';

/** One catalog of the kit: `messages/<tag>/index.ts`, its module and its messages. */
export interface Catalog {
  tag: string;
  module: Record<string, unknown>;
  messages: Messages;
}

export { localeExportName as catalogExportName } from '../../build/locale-name.mjs';

/** Every catalog directory under `messages/`, English first, then by tag. */
export function catalogs(): Catalog[] {
  const modules = import.meta.glob<Record<string, unknown>>('../messages/*/index.ts', { eager: true });
  return Object.entries(modules)
    .map(([path, module]) => {
      const tag = path.split('/').at(-2)!;
      return { tag, module, messages: module[localeExportName(tag)] as Messages };
    })
    .sort((a, b) => (a.tag === 'en' ? -1 : b.tag === 'en' ? 1 : a.tag.localeCompare(b.tag)));
}

/** `[key path, message]` for every string of a catalog (`audit.sentences.seat.assigned`). */
export function leaves(tree: object, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([k, v]): [string, string][] =>
    typeof v === 'string' ? [[`${prefix}${k}`, v]] : leaves(v as object, `${prefix}${k}.`),
  );
}

/** The `{name, plural, …}` expressions of a message (nested ones too), with their branch selectors. */
export function pluralExpressions(message: string): { name: string; selectors: string[] }[] {
  const found: { name: string; selectors: string[] }[] = [];
  for (const match of message.matchAll(/\{\s*([a-zA-Z]\w*)\s*,\s*plural\s*,/g)) {
    const open = match.index;
    let depth = 0;
    let close = -1;
    for (let i = open; i < message.length; i++) {
      if (message[i] === '{') depth++;
      else if (message[i] === '}' && --depth === 0) {
        close = i;
        break;
      }
    }
    const body = message.slice(open + match[0].length, close === -1 ? message.length : close);
    // Selectors sit at depth 0 of the body, each before its `{…}` branch.
    const selectors: string[] = [];
    let level = 0;
    let word = '';
    for (const ch of body) {
      if (ch === '{') {
        if (level === 0) selectors.push(word.trim());
        level++;
        word = '';
      } else if (ch === '}') level--;
      else if (level === 0) word += ch;
    }
    found.push({ name: match[1]!, selectors });
  }
  return found;
}

/** Index of the `}` closing the `{` at `open`, or -1. */
function closing(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

/**
 * The names a message interpolates: `{name}`, and `{count, plural, …}` with the placeholders inside its branches
 * (a branch's text, `{None}`, is not one).
 */
export function placeholderNames(message: string): string[] {
  const names = new Set<string>();
  const walk = (text: string) => {
    for (let i = text.indexOf('{'); i !== -1; ) {
      const close = closing(text, i);
      if (close === -1) return;
      const inner = text.slice(i + 1, close);
      const comma = inner.indexOf(',');
      names.add((comma === -1 ? inner : inner.slice(0, comma)).trim());
      if (comma !== -1) {
        const body = inner.slice(inner.indexOf(',', comma + 1) + 1);
        for (let j = body.indexOf('{'); j !== -1; ) {
          const end = closing(body, j);
          if (end === -1) break;
          walk(body.slice(j + 1, end));
          j = body.indexOf('{', end);
        }
      }
      i = text.indexOf('{', close);
    }
  };
  walk(message);
  return [...names].sort();
}
