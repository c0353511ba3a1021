/**
 * The languages SeatKit speaks, as BCP 47 tags: the one list the contract validates an organization's `locale`
 * against, the server renders its emails in, and the React kit can offer.
 */
export const SUPPORTED_LOCALES = ['en', 'fr', 'de', 'es', 'pt-BR', 'it', 'nl', 'pl', 'ja', 'zh-CN', 'ar', 'he'] as const;
export type SupportedLocale = (typeof SUPPORTED_LOCALES)[number];

/** The locale of an organization provisioned without one, and of anything asked for in a locale SeatKit lacks. */
export const DEFAULT_LOCALE: SupportedLocale = 'en';

/** The supported locales written right to left. */
export const RTL_LOCALES: readonly SupportedLocale[] = ['ar', 'he'];

export function isSupportedLocale(value: unknown): value is SupportedLocale {
  return typeof value === 'string' && (SUPPORTED_LOCALES as readonly string[]).includes(value);
}

/**
 * `value` when SeatKit speaks it, else `DEFAULT_LOCALE` (an absent, unknown or retired locale never fails a render).
 *
 * @example resolveLocale('pt-BR') // 'pt-BR'
 * @example resolveLocale('tlh')   // 'en'
 */
export function resolveLocale(value: string | null | undefined): SupportedLocale {
  return isSupportedLocale(value) ? value : DEFAULT_LOCALE;
}

/** `rtl` for Arabic and Hebrew, else `ltr`: the `dir` of an element holding text of `locale`. */
export function localeDirection(locale: SupportedLocale): 'ltr' | 'rtl' {
  return RTL_LOCALES.includes(locale) ? 'rtl' : 'ltr';
}
