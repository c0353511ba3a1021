export { en } from './en/index.js';
export { fr } from './fr/index.js';
export { format, type FormatValues } from './format.js';
export { mergeMessages } from './merge.js';
export type { Messages, MessagesOverride } from './types.js';
