/// <reference types="vite/client" />
// The page bench/browser.ts drives in Chromium. Modes (from the query string):
//   cold     mount <MemberList> with an empty cache against the real server: time to the first painted row,
//            rows in the DOM, and every request it sent (to spot redundant fetches)
//   compare  with all 10,000 members already in memory: mount <MemberList> (its cache pre-filled) and a plain,
//            non-virtualized <table> of the same members, alternately, `rounds` times each
// Results go to `window.__benchResult` (or `window.__benchError`).
import { QueryClient } from '@tanstack/react-query';
import { createSeatKitClient, type Member, type Page } from '@seatkit/core';
import { MemberList, SeatKitProvider, seatkitQueries } from '@seatkit/react';
import { createRoot, type Root } from 'react-dom/client';

// The kit's stylesheet is every src/styles/*.css in file-name order (as its build joins them).
import.meta.glob('../../packages/react/src/styles/*.css', { eager: true });

declare global {
  interface Window {
    __benchResult?: unknown;
    __benchError?: string;
  }
}

const params = new URLSearchParams(location.search);
const api = params.get('api')!;
const token = params.get('token')!;
const orgId = params.get('orgId')!;
const mode = params.get('mode') ?? 'cold';
const rounds = Number(params.get('rounds') ?? 5);
const PAGE_SIZE_WARM = 200;

/** Every request the kit sends, with the time it was sent. */
const requests: { at: number; url: string }[] = [];
const countingFetch: typeof fetch = (input, init) => {
  const url = input instanceof Request ? input.url : String(input);
  requests.push({ at: performance.now(), url: url.replace(api, '') });
  return fetch(input, init);
};
const client = createSeatKitClient({ baseUrl: api, getToken: () => token, fetch: countingFetch });

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
/** After the next frame has been produced: rAF runs before paint, the task after it runs once the frame is out. */
const afterPaint = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

/** Waits (frame by frame, at most `timeoutMs`) until `selector` matches inside `el`. */
async function waitFor(el: Element, selector: string, timeoutMs = 20_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!el.querySelector(selector)) {
    if (performance.now() > deadline) throw new Error(`${selector} did not appear within ${timeoutMs} ms`);
    await nextFrame();
  }
}

const stage = document.getElementById('stage')!;
const newContainer = () => {
  const div = document.createElement('div');
  stage.append(div);
  return div;
};

function createQueryClient() {
  // The provider's own defaults (provider.tsx), so the cache behaves as in a host app that passes none.
  return new QueryClient({ defaultOptions: { queries: { staleTime: 30_000, refetchOnWindowFocus: false } } });
}

function renderMemberList(root: Root, queryClient: QueryClient, pageSize?: number) {
  root.render(
    <SeatKitProvider client={client} queryClient={queryClient} orgId={orgId}>
      <MemberList height={600} pageSize={pageSize} />
    </SeatKitProvider>,
  );
}

function PlainTable({ members }: { members: Member[] }) {
  return (
    <table className="plain-table">
      <thead>
        <tr>
          <th>Name</th>
          <th>Email</th>
          <th>Role</th>
          <th>Seats</th>
          <th>Last active</th>
        </tr>
      </thead>
      <tbody>
        {members.map((m) => (
          <tr key={m.id}>
            <td>{`${m.firstName} ${m.lastName}`}</td>
            <td>{m.email}</td>
            <td>{m.role}</td>
            <td>{m.subscriptionIds.length}</td>
            <td>{m.lastActiveAt ? new Date(m.lastActiveAt).toLocaleDateString() : 'Never'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const ROW = '[data-slot="member-row"]';

async function cold() {
  const el = newContainer();
  const root = createRoot(el);
  const t0 = performance.now();
  renderMemberList(root, createQueryClient());
  await waitFor(el, ROW);
  const firstRowMs = performance.now() - t0;
  await afterPaint();
  const paintedMs = performance.now() - t0;
  // Anything the list asks for after it has settled would be a redundant refetch: watch for a second.
  await new Promise((r) => setTimeout(r, 1_000));
  const mountRequests = requests.map((r) => ({ atMs: Math.round(r.at - t0), url: r.url }));
  const rowsInDom = el.querySelectorAll(ROW).length;
  const domNodes = el.getElementsByTagName('*').length;
  const interactions = params.get('interact') === '1' ? await interact(el) : null;
  return { firstRowMs, paintedMs, rowsInDom, domNodes, requests: mountRequests, interactions };
}

/** Typing and scrolling, counting the member requests they cause: one per settled search, one per new page. */
async function interact(el: HTMLElement) {
  const memberRequests = () => requests.filter((r) => r.url.includes('/members?')).map((r) => r.url);
  const input = el.querySelector<HTMLInputElement>('input[type="search"]');
  if (!input) return null;
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
  const type = async (text: string) => {
    for (let i = 1; i <= text.length; i++) {
      setValue.call(input, text.slice(0, i));
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((r) => setTimeout(r, 40)); // a fast typist: every key inside the debounce window
    }
  };
  let before = memberRequests().length;
  await type('okafor');
  await new Promise((r) => setTimeout(r, 1_500));
  const searchRequests = memberRequests().slice(before);

  before = memberRequests().length;
  setValue.call(input, '');
  input.dispatchEvent(new Event('input', { bubbles: true }));
  await new Promise((r) => setTimeout(r, 1_000));
  const afterClear = memberRequests().length - before;

  // Scroll to the end a few times: each new page should be asked for once.
  const scroller = el.querySelector<HTMLElement>('[data-slot="member-list-scroll"]');
  before = memberRequests().length;
  for (let i = 0; i < 5 && scroller; i++) {
    scroller.scrollTop = scroller.scrollHeight;
    await new Promise((r) => setTimeout(r, 400));
  }
  await new Promise((r) => setTimeout(r, 500));
  const scrollRequests = memberRequests().slice(before);
  return {
    typedCharacters: 'okafor'.length,
    searchRequests: searchRequests.length,
    requestsAfterClearingSearch: afterClear,
    scrollRequests: scrollRequests.length,
    duplicateScrollRequests: scrollRequests.length - new Set(scrollRequests).size,
    rowsAfterScrolling: el.querySelectorAll(ROW).length,
  };
}

async function compare() {
  // Everything the list needs, fetched once: the caller, roles, subscriptions and all members (pages of 200).
  const queryClient = createQueryClient();
  await Promise.all([
    queryClient.fetchQuery(seatkitQueries.me(client)),
    queryClient.fetchQuery(seatkitQueries.roles(client, orgId)),
    queryClient.fetchQuery(seatkitQueries.subscriptions(client, orgId)),
  ]);
  const pages: Page<Member>[] = [];
  const pageParams: (string | null)[] = [];
  let cursor: string | null = null;
  const loadStart = performance.now();
  for (let i = 0; i < 200; i++) {
    const page = await client.members.list({ orgId, limit: PAGE_SIZE_WARM, cursor: cursor ?? undefined });
    pages.push(page);
    pageParams.push(cursor);
    cursor = page.nextCursor;
    if (!cursor) break;
  }
  const loadMs = performance.now() - loadStart;
  const members = pages.flatMap((p) => p.items);
  const options = seatkitQueries.members(client, orgId, { query: '', role: '', status: undefined, limit: PAGE_SIZE_WARM });

  const list: { paintedMs: number; rowsInDom: number; domNodes: number; requests: string[] }[] = [];
  const table: { paintedMs: number; rowsInDom: number; domNodes: number }[] = [];

  const measureList = async () => {
    // The same data, in the infinite-query shape the list reads: nothing to fetch before the first paint.
    queryClient.setQueryData(options.queryKey, { pages, pageParams });
    // The caller, roles and subscriptions stay fresh for 30 s (staleTime) and the plain table's slow rounds can
    // outlast that: they are re-stamped as just fetched, so any request during the mount is a redundant one.
    for (const options of [seatkitQueries.me(client), seatkitQueries.roles(client, orgId), seatkitQueries.subscriptions(client, orgId)]) {
      queryClient.setQueryData(options.queryKey, queryClient.getQueryData(options.queryKey));
    }
    const before = requests.length;
    const el = newContainer();
    const root = createRoot(el);
    const t0 = performance.now();
    renderMemberList(root, queryClient, PAGE_SIZE_WARM);
    await waitFor(el, ROW);
    await afterPaint();
    const paintedMs = performance.now() - t0;
    list.push({
      paintedMs,
      rowsInDom: el.querySelectorAll(ROW).length,
      domNodes: el.getElementsByTagName('*').length,
      requests: requests.slice(before).map((r) => r.url),
    });
    root.unmount();
    el.remove();
  };
  const measureTable = async () => {
    const el = newContainer();
    const root = createRoot(el);
    const t0 = performance.now();
    root.render(<PlainTable members={members} />);
    await waitFor(el, 'tbody tr');
    await afterPaint();
    const paintedMs = performance.now() - t0;
    table.push({ paintedMs, rowsInDom: el.querySelectorAll('tbody tr').length, domNodes: el.getElementsByTagName('*').length });
    root.unmount();
    el.remove();
  };

  // One untimed round of the list (JIT of the kit's code), then alternate which goes first. The table gets no
  // untimed round: its mount is seconds of style and layout work, not code to warm up.
  await measureList();
  list.length = 0;
  for (let i = 0; i < rounds; i++) {
    const order = i % 2 === 0 ? [measureList, measureTable] : [measureTable, measureList];
    for (const measure of order) {
      await measure();
      await afterPaint();
    }
  }
  return { members: members.length, loadMs, list, table };
}

(mode === 'compare' ? compare() : cold()).then(
  (result) => {
    window.__benchResult = result;
  },
  (error: unknown) => {
    window.__benchError = error instanceof Error ? `${error.message}\n${error.stack}` : String(error);
  },
);
