/// <reference path="./story-seed.d.ts" />
/**
 * The backend of every story: the REAL reference server (`@seatkit/server`, Hono over in-browser
 * PGlite), not a hand-written mock that could drift from the rules. One server per page, opened from a
 * dump of its database that the build migrated and seeded (main.ts's seedDumpPlugin): running initdb, the
 * migrations and the seed in the page took 40–75 s on a busy 2-core machine. Every story starts from the
 * demo seed, put back by `reset()` from the copy the dump carries (milliseconds, not a new seed; one query when
 * the previous story wrote nothing), so no story sees another's changes. The dump's dates are moved to the day
 * the page opens it, so a Storybook published for weeks still shows a pending invitation, not an expired one.
 *
 * Loading and error states are not fake data either: they wrap the same server's `fetch` in a
 * request that never answers, or one that fails like a dropped connection.
 */
import { QueryClient } from '@tanstack/react-query';
import type { SeatKitClient } from '@seatkit/core';
import { DEMO_USERS, type DemoSeed, type SeatKitServer } from '@seatkit/server';
import { createTestServer, type TestServer } from '@seatkit/server/testing';
import seedDumpUrl from 'virtual:seatkit-story-seed';
import { STORY_SERVER_OPTIONS } from './story-server-options';

/** The in-page server's key for the provisioning routes (the host's back office). */
export const STORY_SERVER_KEY = STORY_SERVER_OPTIONS.serverKey;

/** The base URL the stories' client talks to; requests never leave the page. */
export const STORY_BASE_URL = 'http://seatkit.story';

/** Who is signed in, chosen from the toolbar (or pinned by a story with `globals: { viewer }`). */
export const VIEWERS = {
  owner: { email: DEMO_USERS.owner.email, org: 'northwind', title: 'Olivia Owner (owner, Northwind Dental)' },
  admin: { email: DEMO_USERS.admin.email, org: 'northwind', title: 'Adam Admin (admin, Northwind Dental)' },
  member: { email: DEMO_USERS.member.email, org: 'northwind', title: 'Mia Member (member, Northwind Dental)' },
  lakesideAdmin: { email: DEMO_USERS.admin.email, org: 'lakeside', title: 'Adam Admin (admin, Lakeside Clinic)' },
  lakesideOwner: { email: DEMO_USERS.lakesideOwner.email, org: 'lakeside', title: 'Leo Lakeside (owner, Lakeside Clinic)' },
} as const;
export type ViewerKey = keyof typeof VIEWERS;

/** The organization the components work on: the viewer's own, or one picked explicitly. */
export const ORGS = {
  auto: "The viewer's organization",
  northwind: 'Northwind Dental',
  lakeside: 'Lakeside Clinic',
} as const;
export type OrgKey = keyof typeof ORGS;

/**
 * How requests reach the server:
 * - `live`: the server answers (default);
 * - `pending`: no request ever answers (loading states);
 * - `offline`: every request fails as a dropped connection would (error states).
 */
export type NetworkMode = 'live' | 'pending' | 'offline';

export interface StoryBackend {
  readonly server: SeatKitServer;
  readonly demo: DemoSeed;
  /** The viewer's client (what the components use). */
  readonly client: SeatKitClient;
  /** A fresh QueryClient per story: no cache carried from one story to the next. */
  readonly queryClient: QueryClient;
  readonly orgId: string;
  /** Who the components act as; `null` when the story signs nobody in. */
  readonly viewer: { email: string | null };
  /** Values a story's setup hands to its render (e.g. an invitation token read from the mailbox). */
  readonly values: Record<string, string>;
  /** A client for someone else (e.g. the invitee accepting an invitation in a play function). */
  clientFor(email: string): Promise<SeatKitClient>;
  /** Changes how later requests are answered (e.g. go offline before a save in a play function). */
  setNetwork(mode: NetworkMode): void;
}

/** Per-story settings, under `parameters.seatkit`. */
export interface SeatKitParameters {
  /** @default 'live' */
  network?: NetworkMode | ((request: Request) => NetworkMode);
  /**
   * Shapes the data after the demo seed, through the real server or its API (many rows, seats exhausted...). Set in a
   * file's meta (`export default { parameters: { seatkit: { setup } } }`), it runs for each of the file's stories, which
   * may still set `network` or `signInAs` (Storybook merges `parameters.seatkit` key by key: reclaim-seats-dialog's and
   * accept-invitation's stories rely on it); a story's own `setup` replaces the meta's, it does not run after it.
   */
  setup?: (backend: StoryBackend) => Promise<void> | void;
  /**
   * Signs in someone who is not in the toolbar (e.g. the invitee of `AcceptInvitation`), or nobody
   * (`null`). @default the toolbar's viewer
   */
  signInAs?: string | null;
  /** Set `false` for components that must render outside `<SeatKitProvider>`. @default true */
  provider?: boolean;
}

let serverPromise: Promise<TestServer> | undefined;

/** The page's server, created once and reused by every story (and every story test in a file). */
export function getStoryServer(): Promise<TestServer> {
  serverPromise ??= openStoryServer();
  serverPromise.catch(() => {
    serverPromise = undefined;
  });
  return serverPromise;
}

// Opening the database is most of a first story's wait: it starts as soon as the preview loads this module, while
// Storybook is still fetching the story index and the story's own modules.
if (typeof window !== 'undefined') void getStoryServer().catch(() => undefined);

async function openStoryServer(): Promise<TestServer> {
  performance.mark('seatkit:server-start');
  // PGlite's modules load while the dump downloads, not after it (main.ts's preloadPlugin has the browser fetch both,
  // and PGlite's WebAssembly and files, from the page's first moment).
  const [dump] = await Promise.all([loadSeedDump(), import('@electric-sql/pglite'), import('@electric-sql/pglite/contrib/pg_trgm')]);
  performance.mark('seatkit:dump-loaded');
  const server = await createTestServer({ ...STORY_SERVER_OPTIONS, baseUrl: STORY_BASE_URL, dump });
  performance.measure('seatkit:server-ready', 'seatkit:server-start');
  return server;
}

async function loadSeedDump(): Promise<Blob> {
  const response = await fetch(seedDumpUrl);
  // A missing dump must not quietly fall back to seeding in the page (tens of seconds per page).
  if (!response.ok) throw new Error(`The stories' seeded database (${seedDumpUrl}) did not load: ${response.status}`);
  return response.blob();
}

// Stories load one after another: a reset must not interleave with the previous story's setup.
let queue: Promise<unknown> = Promise.resolve();
// Requests of a story that is no longer shown must not touch the next story's fresh data.
let generation = 0;

/** A request that never answers (until aborted): what a slow network looks like to the UI. */
function pendingResponse(signal: AbortSignal | null | undefined): Promise<Response> {
  return new Promise((_, reject) => {
    signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
}

function createStoryFetch(
  server: SeatKitServer,
  ownGeneration: number,
  getMode: (request: Request) => NetworkMode,
): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    if (ownGeneration !== generation) return pendingResponse(request.signal);
    const mode = getMode(request);
    // A dropped connection: fetch rejects with a TypeError, which the client reports as `network`.
    if (mode === 'offline') throw new TypeError('Failed to fetch');
    if (mode === 'pending') return pendingResponse(request.signal);
    activity.inFlight += 1;
    try {
      return await server.fetch(request);
    } finally {
      activity.inFlight -= 1;
    }
  };
}

/**
 * What the page's server is doing for the story shown, for `.storybook/measure-static.mjs` (which times how long a
 * story takes to show its data): the story it was prepared for, and how many of its requests the server is answering.
 * The phases of a preparation are `performance` measures: `seatkit:wait`, `seatkit:reset`, `seatkit:setup`, with the
 * story's id as their detail.
 */
const activity: { storyId: string | undefined; inFlight: number } = { storyId: undefined, inFlight: 0 };
if (typeof window !== 'undefined') Object.assign(window, { __SEATKIT_STORY_ACTIVITY__: activity });

export interface PrepareOptions {
  /** The story's id, for the page's performance measures. */
  storyId?: string;
  viewer: ViewerKey;
  org: OrgKey;
  parameters?: SeatKitParameters;
}

/** Resets the server to the demo seed, applies the story's setup and builds the viewer's client. */
export function prepareStoryBackend({ storyId, viewer, org, parameters = {} }: PrepareOptions): Promise<StoryBackend> {
  const queued = performance.now();
  const run = async (): Promise<StoryBackend> => {
    const ownGeneration = ++generation;
    activity.storyId = storyId;
    const testServer = await getStoryServer();
    const { server } = testServer;
    const resetting = performance.now();
    performance.measure('seatkit:wait', { start: queued, end: resetting, detail: storyId });
    const demo = await testServer.reset();
    const settingUp = performance.now();
    performance.measure('seatkit:reset', { start: resetting, end: settingUp, detail: storyId });
    const who = VIEWERS[viewer] ?? VIEWERS.admin;
    const orgKey = org === 'auto' || !(org in ORGS) ? who.org : org;
    const orgId = orgKey === 'lakeside' ? demo.lakeside.orgId : demo.northwind.orgId;

    let network = parameters.network ?? 'live';
    const getMode = (request: Request) => (typeof network === 'function' ? network(request) : network);
    const clients = new Map<string, SeatKitClient>();
    const clientFor = async (email: string | null): Promise<SeatKitClient> => {
      const key = email ?? '';
      const existing = clients.get(key);
      if (existing) return existing;
      // States show at once: the harness's clients do not retry and have no timer racing a "pending" story.
      const client = testServer.clientFor(email, { fetch: createStoryFetch(server, ownGeneration, getMode) });
      clients.set(key, client);
      return client;
    };

    const viewerEmail = parameters.signInAs === undefined ? who.email : parameters.signInAs;
    const backend: StoryBackend = {
      server,
      demo,
      client: await clientFor(viewerEmail),
      queryClient: new QueryClient({
        defaultOptions: { queries: { retry: false, staleTime: 30_000, refetchOnWindowFocus: false } },
      }),
      orgId,
      viewer: { email: viewerEmail },
      values: {},
      clientFor: (email) => clientFor(email),
      setNetwork: (mode) => {
        network = mode;
      },
    };
    if (parameters.setup) {
      // Setup talks to the live server even in a "pending" or "offline" story.
      const storyNetwork = network;
      network = 'live';
      try {
        await parameters.setup(backend);
      } finally {
        network = storyNetwork;
      }
      performance.measure('seatkit:setup', { start: settingUp, detail: storyId });
    }
    return backend;
  };
  const result = queue.then(run, run);
  queue = result.catch(() => undefined);
  return result;
}
