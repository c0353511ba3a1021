import type { Messages, MessagesOverride } from './types.js';

type Tree = { [key: string]: string | Tree };

function mergeTree(base: Tree, override: Tree | undefined): Tree {
  if (!override) return base;
  const out: Tree = { ...base };
  for (const [key, value] of Object.entries(override)) {
    const current = base[key];
    if (typeof value === 'string') out[key] = value;
    else if (value && typeof current === 'object') out[key] = mergeTree(current, value);
    else if (value) out[key] = value;
  }
  return out;
}

/** Deep-merges an override (a whole locale or a few keys) over a complete set of messages. */
export function mergeMessages(base: Messages, override?: MessagesOverride | Messages): Messages {
  return mergeTree(base as unknown as Tree, override as unknown as Tree | undefined) as unknown as Messages;
}
