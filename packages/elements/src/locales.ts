import { isSupportedLocale, resolveLocale, type SupportedLocale } from '@seatkit/core/contract';
import type { Messages } from '@seatkit/react';

/**
 * The catalogs the `locale` attribute can pick, by BCP 47 tag: the one place a new language is added (one line, from
 * the react package's `@seatkit/react/locales/<tag>` export). Each is its own chunk, loaded only by a page that asks for
 * it; English is the provider's default and costs nothing extra. Keyed by core's `SUPPORTED_LOCALES` (`satisfies`): a locale
 * core adds and this list lacks, or one listed here that core does not speak, fails the repository's typecheck.
 */
const CATALOGS = {
  en: () => import('@seatkit/react/locales/en').then((m) => m.en),
  fr: () => import('@seatkit/react/locales/fr').then((m) => m.fr),
  de: () => import('@seatkit/react/locales/de').then((m) => m.de),
  es: () => import('@seatkit/react/locales/es').then((m) => m.es),
  'pt-BR': () => import('@seatkit/react/locales/pt-BR').then((m) => m.ptBR),
  it: () => import('@seatkit/react/locales/it').then((m) => m.it),
  nl: () => import('@seatkit/react/locales/nl').then((m) => m.nl),
  pl: () => import('@seatkit/react/locales/pl').then((m) => m.pl),
  ja: () => import('@seatkit/react/locales/ja').then((m) => m.ja),
  'zh-CN': () => import('@seatkit/react/locales/zh-CN').then((m) => m.zhCN),
  ar: () => import('@seatkit/react/locales/ar').then((m) => m.ar),
  he: () => import('@seatkit/react/locales/he').then((m) => m.he),
} satisfies Record<SupportedLocale, () => Promise<Messages>>;

/** The catalog tag for a `locale` attribute: the exact tag, else its language (`fr-CA` → `fr`), else `en`. */
export function catalogTag(locale: string | null): SupportedLocale {
  return isSupportedLocale(locale) ? locale : resolveLocale(locale?.split('-')[0]!.toLowerCase());
}

/** Loads the catalog for a `locale` attribute (see `catalogTag`). */
export function loadMessages(locale: string | null): Promise<Messages> {
  return CATALOGS[catalogTag(locale)]();
}
