import type { OutboxEmail } from '@seatkit/core/contract';
import { escapeHtml } from './emails/render.js';

/** Escapes first, then turns http(s) URLs into links, so mail content can never inject markup. */
const linkify = (text: string) =>
  escapeHtml(text).replace(/https?:\/\/[^\s<]+/g, (url) => `<a href="${url}">${url}</a>`);

/**
 * One email: the text part (with working links), and its HTML part on demand. The "Text / HTML" choice is a radio
 * group (arrow keys, a legend naming the email) and CSS shows the chosen part: the page's CSP runs no script. The HTML
 * part renders in an iframe with `sandbox=""` and `srcdoc`: no script in it runs, no link in it navigates, and its
 * styles stay inside it.
 */
function renderMail(m: OutboxEmail): string {
  const name = `part-${escapeHtml(m.id)}`;
  const choice = (value: 'text' | 'html', label: string, checked: boolean) =>
    `<label><input type="radio" name="${name}" value="${value}"${checked ? ' checked' : ''}> ${label}</label>`;
  const parts = m.html
    ? `<fieldset><legend>Show the email to ${escapeHtml(m.to)} as</legend>${choice('text', 'Text', true)} ${choice('html', 'HTML', false)}</fieldset>
  <div class="part" data-part="text"><pre>${linkify(m.text)}</pre></div>
  <div class="part" data-part="html"><iframe sandbox="" srcdoc="${escapeHtml(m.html)}" title="HTML part: ${escapeHtml(m.subject)}"></iframe></div>`
    : `<pre>${linkify(m.text)}</pre>`;
  return `<article>
  <header><strong>${escapeHtml(m.subject)}</strong><br><small>To ${escapeHtml(m.to)} · ${escapeHtml(m.createdAt)}</small></header>
  ${parts}
</article>`;
}

/** The development mailbox: the newest emails (one page, newest first), with working accept links. */
export function renderMailboxHtml(mails: OutboxEmail[]): string {
  const items = mails.map(renderMail).join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>SeatKit dev mailbox</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{font-family:system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;color:#1f2937}
article{border:1px solid #d1d5db;border-radius:.5rem;padding:1rem;margin:1rem 0}
pre{white-space:pre-wrap;font-family:inherit}
a{color:#1d4ed8}
fieldset{border:0;padding:0;margin:.75rem 0 0;display:flex;gap:1rem;align-items:center}
legend{float:left;margin-inline-end:.5rem;font-size:.875rem;color:#4b5563}
label{display:inline-flex;gap:.25rem;align-items:center;cursor:pointer}
input:focus-visible{outline:2px solid #1d4ed8;outline-offset:2px}
iframe{display:block;width:100%;height:36rem;margin-top:.75rem;border:1px solid #d1d5db;border-radius:.25rem;background:#fff}
article:has(input[value="text"]:checked) [data-part="html"],
article:has(input[value="html"]:checked) [data-part="text"]{display:none}
</style></head>
<body><main><h1>Dev mailbox</h1><p>The newest ${mails.length} email(s); older ones through <code>mailbox.json?cursor=</code>. Development only: this page exists only when the server runs with dev auth.</p>
${items || '<p>No emails yet.</p>'}
</main></body></html>`;
}
