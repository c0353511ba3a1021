/// <reference types="vite/client" />
/**
 * Tables for the docs pages, generated from the kit's own sources so they cannot drift: the theme
 * variables from src/styles/00-theme.css, the messages from the `en` and `fr` objects.
 */
import { en, fr } from '@seatkit/react';
import themeCss from '../packages/react/src/styles/00-theme.css?raw';

type Variable = { name: string; light: string; dark?: string };

/** `--seatkit-*: value;` declarations of the first block whose selector starts with `selector`. */
function declarations(css: string, selector: string): Map<string, string> {
  const start = css.indexOf(selector);
  const open = css.indexOf('{', start);
  const close = css.indexOf('}', open);
  const result = new Map<string, string>();
  if (start < 0 || open < 0 || close < 0) return result;
  for (const match of css.slice(open + 1, close).matchAll(/(--seatkit-[\w-]+)\s*:\s*([^;]+);/g)) {
    result.set(match[1]!, match[2]!.trim());
  }
  return result;
}

/** A value written `light-dark(light, dark)` (the colour may sit inside, as in a shadow) split in two. */
function schemes(value: string): { light: string; dark?: string } {
  const match = /^(.*?)light-dark\(([^,]+(?:\([^)]*\))?[^,]*),\s*(.+)\)$/.exec(value);
  if (!match) return { light: value };
  const [, before, light, dark] = match;
  return { light: `${before}${light!.trim()}`, dark: `${before}${dark!.trim()}` };
}

export function themeVariables(): Variable[] {
  return [...declarations(themeCss, ':root')].map(([name, value]) => ({ name, ...schemes(value) }));
}

const isColor = (value: string) => /^(#|rgb|hsl|oklch)/.test(value);

function Swatch({ value }: { value: string }) {
  if (!isColor(value)) return null;
  return (
    <span
      aria-hidden="true"
      style={{
        display: 'inline-block',
        inlineSize: 14,
        blockSize: 14,
        marginInlineEnd: 6,
        verticalAlign: 'middle',
        borderRadius: 3,
        border: '1px solid #94a3b8',
        background: value,
      }}
    />
  );
}

/** Every `--seatkit-*` variable with its light and dark default. */
export function ThemeVariablesTable() {
  const rows = themeVariables();
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">Variable</th>
          <th scope="col">Light (default)</th>
          <th scope="col">Dark (`.dark`, `[data-theme='dark']`, or the OS setting)</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.name}>
            <td>
              <code>{row.name}</code>
            </td>
            <td>
              <Swatch value={row.light} />
              <code>{row.light}</code>
            </td>
            <td>
              {row.dark ? (
                <>
                  <Swatch value={row.dark} />
                  <code>{row.dark}</code>
                </>
              ) : (
                <em>same</em>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [[`${prefix}${key}`, value] as [string, string]] : flatten(value, `${prefix}${key}.`),
  );
}

/** Every message key, in English and French, by namespace. */
export function MessagesTable({ namespace }: { namespace?: keyof typeof en }) {
  const namespaces = namespace ? [namespace] : (Object.keys(en) as (keyof typeof en)[]);
  return (
    <>
      {namespaces.map((ns) => {
        const french = new Map(flatten(fr[ns] as unknown as Tree));
        return (
          <section key={ns}>
            <h3>
              <code>{ns}</code>
            </h3>
            <table>
              <thead>
                <tr>
                  <th scope="col">Key</th>
                  <th scope="col">en</th>
                  <th scope="col">fr</th>
                </tr>
              </thead>
              <tbody>
                {flatten(en[ns] as unknown as Tree).map(([key, value]) => (
                  <tr key={key}>
                    <td>
                      <code>{key}</code>
                    </td>
                    <td>{value}</td>
                    <td>{french.get(key) ?? <strong>missing</strong>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        );
      })}
    </>
  );
}
