import css from 'seatkit:styles.css';

let adopted: CSSStyleSheet | null = null;

/**
 * Adds the kit's stylesheet to the page once, however many elements it holds. The elements render in the light DOM,
 * so one document-level sheet styles them and the dialogs they portal into `document.body` alike, and the host's
 * `--seatkit-*` variables, `.dark` / `[data-theme]` ancestors and own layers apply exactly as for React hosts.
 * A constructed sheet (not a `<style>` tag) keeps working under a CSP without `style-src 'unsafe-inline'`.
 */
export function adoptKitStyles(document: Document): void {
  if (adopted && document.adoptedStyleSheets.includes(adopted)) return;
  adopted ??= new CSSStyleSheet();
  if (!adopted.cssRules.length) adopted.replaceSync(css);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, adopted];
}
