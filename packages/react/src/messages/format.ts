/** Values a message template can interpolate. */
export type FormatValues = Record<string, string | number | null | undefined>;

/**
 * `make(locale)`, built once per locale: Intl objects are costly to build, and rows of a long list
 * format on every scroll.
 */
export function perLocale<T>(make: (locale: string) => T): (locale: string) => T {
  const cache = new Map<string, T>();
  return (locale) => {
    let value = cache.get(locale);
    if (value === undefined) {
      value = make(locale);
      cache.set(locale, value);
    }
    return value;
  };
}

const pluralRules = /* @__PURE__ */ perLocale((locale) => new Intl.PluralRules(locale));
const numberFormat = /* @__PURE__ */ perLocale((locale) => new Intl.NumberFormat(locale));

/** Index of the `}` that closes the `{` at `open`, honouring nesting; -1 if unbalanced. */
function closingBrace(template: string, open: number): number {
  let depth = 0;
  for (let i = open; i < template.length; i++) {
    const ch = template[i];
    if (ch === '{') depth++;
    else if (ch === '}') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

/** Parses `=0 {none} one {# item} other {# items}` into its branches. */
function pluralBranches(body: string): Map<string, string> {
  const branches = new Map<string, string>();
  let i = 0;
  while (i < body.length) {
    const open = body.indexOf('{', i);
    if (open === -1) break;
    const selector = body.slice(i, open).trim();
    const close = closingBrace(body, open);
    if (close === -1) break;
    branches.set(selector, body.slice(open + 1, close));
    i = close + 1;
  }
  return branches;
}

/**
 * Fills a message template. A small subset of ICU MessageFormat, enough for UI strings without
 * shipping a message-format library:
 *
 * - `{name}` is replaced by `values.name` (left as is when the value is missing, so a typo shows up).
 * - `{count, plural, =0 {No seats} one {# seat} other {# seats}}` picks a branch by exact match
 *   (`=N`) or by the locale's plural category; `#` inside a branch is the number, formatted for the locale.
 *
 * The result is plain text: components render it as a React text node, never as HTML.
 *
 * @example format('{count, plural, one {# member} other {# members}}', { count: 3 }) // "3 members"
 */
export function format(template: string, values: FormatValues = {}, locale = 'en'): string {
  let out = '';
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf('{', i);
    if (open === -1) {
      out += template.slice(i);
      break;
    }
    out += template.slice(i, open);
    const close = closingBrace(template, open);
    if (close === -1) {
      out += template.slice(open);
      break;
    }
    const inner = template.slice(open + 1, close);
    const firstComma = inner.indexOf(',');
    if (firstComma === -1) {
      const name = inner.trim();
      const value = values[name];
      // A number is written the locale's way (1,234 · 1.234 · ١٬٢٣٤), the same as `#` in a plural branch.
      if (value === undefined || value === null) out += template.slice(open, close + 1);
      else out += typeof value === 'number' ? numberFormat(locale).format(value) : String(value);
    } else {
      const name = inner.slice(0, firstComma).trim();
      const rest = inner.slice(firstComma + 1);
      const secondComma = rest.indexOf(',');
      const kind = (secondComma === -1 ? rest : rest.slice(0, secondComma)).trim();
      const raw = values[name];
      if (kind === 'plural' && secondComma !== -1 && raw !== undefined && raw !== null) {
        const n = Number(raw);
        const branches = pluralBranches(rest.slice(secondComma + 1));
        const branch =
          branches.get(`=${n}`) ?? branches.get(pluralRules(locale).select(n)) ?? branches.get('other') ?? '';
        const formatted = numberFormat(locale).format(n);
        // Nested placeholders in a branch are filled too; `#` is the count.
        out += format(branch.replaceAll('#', formatted), values, locale);
      } else {
        out += template.slice(open, close + 1);
      }
    }
    i = close + 1;
  }
  return out;
}
