import type { en } from './en/index.js';

/** Every string the components show, by namespace. `en` defines the shape; other locales must match it. */
export type Messages = typeof en;

/** A partial override: any subset of namespaces and keys, merged over the defaults. */
export type MessagesOverride = {
  [Namespace in keyof Messages]?: DeepPartial<Messages[Namespace]>;
};

type DeepPartial<T> = { [K in keyof T]?: T[K] extends string ? string : DeepPartial<T[K]> };
