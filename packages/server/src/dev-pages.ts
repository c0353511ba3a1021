import type { OutboxEmail } from '@seatkit/core/contract';

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** Escapes first, then turns http(s) URLs into links, so mail content can never inject markup. */
const linkify = (text: string) =>
  escapeHtml(text).replace(/https?:\/\/[^\s<]+/g, (url) => `<a href="${url}">${url}</a>`);

/** The development mailbox: the newest emails (one page, newest first), with working accept links. */
export function renderMailboxHtml(mails: OutboxEmail[]): string {
  const items = mails
    .map(
      (m) => `<article>
  <header><strong>${escapeHtml(m.subject)}</strong><br><small>To ${escapeHtml(m.to)} · ${escapeHtml(m.createdAt)}</small></header>
  <pre>${linkify(m.text)}</pre>
</article>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>SeatKit dev mailbox</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{font-family:system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;color:#1f2937}
article{border:1px solid #d1d5db;border-radius:.5rem;padding:1rem;margin:1rem 0}
pre{white-space:pre-wrap;font-family:inherit}
a{color:#1d4ed8}
</style></head>
<body><h1>Dev mailbox</h1><p>The newest ${mails.length} email(s); older ones through <code>mailbox.json?cursor=</code>. Development only: this page exists only when the server runs with dev auth.</p>
${items || '<p>No emails yet.</p>'}
</body></html>`;
}
