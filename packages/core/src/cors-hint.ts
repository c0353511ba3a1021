// A browser hides why a cross-origin fetch failed: a CORS refusal and an unreachable server both
// reject with the same bare TypeError, and the console line the browser prints does not say what
// to change on the SeatKit side. One sentence per API origin, so a retrying page does not flood it.
const hinted = new Set<string>();

/** What this needs of a browser page, typed here so core compiles without the DOM library (Node hosts). */
const page = globalThis as { document?: unknown; location?: { origin: string; href: string } };

/**
 * Logs once per page and API origin, in a browser only, that a failed cross-origin request may be a
 * CORS refusal and how to allow the page's origin on the server.
 */
export function hintCors(url: string): void {
  // Node, Deno and workers have no document: there is no CORS to explain there.
  if (page.document === undefined || !page.location) return;
  const pageOrigin = page.location.origin;
  if (!pageOrigin || pageOrigin === 'null') return;
  let apiOrigin: string;
  try {
    apiOrigin = new URL(url, page.location.href).origin;
  } catch {
    return;
  }
  if (apiOrigin === pageOrigin || hinted.has(apiOrigin)) return;
  hinted.add(apiOrigin);
  console.error(
    `SeatKit: a request from this page (${pageOrigin}) to the SeatKit server (${apiOrigin}) failed before a response arrived. ` +
      `If the server is up, it most likely does not allow this origin (CORS): add ${pageOrigin} to the server's allowed origins ` +
      `(SEATKIT_CORS_ORIGINS for the CLI, cors.origins in createSeatKitServer).`,
  );
}
