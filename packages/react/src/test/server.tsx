import { QueryClient } from '@tanstack/react-query';
import { createSeatKitClient, type SeatKitClient } from '@seatkit/core';
import { createPGliteDatabase, createSeatKitServer, silentLogger, type DemoSeed, type SeatKitServer } from '@seatkit/server';
import type { ReactNode } from 'react';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { SeatKitProvider } from '../provider.js';
import type { Messages, MessagesOverride } from '../messages/types.js';
import type { SeatKitClassNames } from '../ui/class-names.js';
import { render, type RenderResult } from './render.js';

/** The demo people, by their seeded emails. */
export const USERS = {
  owner: 'owner@northwind.test',
  admin: 'admin@northwind.test',
  member: 'member@northwind.test',
  lakesideOwner: 'owner@lakeside.test',
} as const;

export interface TestServer {
  readonly server: SeatKitServer;
  readonly demo: DemoSeed;
}

/**
 * The REAL reference server, running in this browser page on in-memory PGlite. One per test file
 * (creating PGlite runs initdb: seconds); every test starts from a fresh demo seed.
 *
 * @example const ctx = useTestServer(); test('…', async () => { await renderWithServer(ctx, <MemberList />) });
 */
export function useTestServer(): TestServer {
  let server: SeatKitServer | undefined;
  let demo: DemoSeed | undefined;
  beforeAll(async () => {
    const database = await createPGliteDatabase();
    server = await createSeatKitServer({
      database,
      auth: { mode: 'dev', secret: 'test-secret' },
      serverKey: 'sk_test',
      appUrl: 'http://localhost:5173',
      logger: silentLogger,
      // Tests read the mailbox right after a call: queue and hand over emails before answering.
      awaitEmails: true,
    });
  });
  beforeEach(async () => {
    await server!.reset();
    demo = await server!.seedDemo();
  });
  afterAll(async () => {
    await server?.close();
  });
  return {
    get server() {
      if (!server) throw new Error('The test server is not started yet (use it inside a test).');
      return server;
    },
    get demo() {
      if (!demo) throw new Error('The demo seed is not loaded yet (use it inside a test).');
      return demo;
    },
  };
}

export interface ClientOptions {
  /** Whose token the client sends. @default the Northwind admin */
  as?: string;
  /**
   * Sees every request first; return a `Response` to answer it instead of the server (a network
   * fault, a malformed answer), or `undefined` to let the server answer.
   */
  intercept?: (request: Request) => Response | undefined | Promise<Response | undefined>;
}

/** A real `@seatkit/core` client whose `fetch` goes straight into the in-page server. */
export async function createTestClient(ctx: TestServer, options: ClientOptions = {}): Promise<SeatKitClient> {
  const token = await ctx.server.devToken(options.as ?? USERS.admin);
  return createSeatKitClient({
    baseUrl: 'http://seatkit.test',
    getToken: () => token,
    fetch: async (input, init) => {
      const request = new Request(input, init);
      const intercepted = await options.intercept?.(request.clone());
      return intercepted ?? ctx.server.fetch(request);
    },
    // A failing test should fail at once, not after backoff.
    retry: 0,
    timeout: false,
  });
}

export interface RenderWithServerOptions extends ClientOptions {
  /** @default the demo's Northwind Dental */
  orgId?: string;
  messages?: Messages | MessagesOverride;
  locale?: string;
  /** Wrap the UI, e.g. in `<div dir="rtl">`. */
  wrapper?: (ui: ReactNode) => ReactNode;
  /** The provider's `classNames`. */
  classNames?: SeatKitClassNames;
}

export interface RenderWithServerResult extends RenderResult {
  client: SeatKitClient;
  queryClient: QueryClient;
}

/** Renders `ui` inside a `SeatKitProvider` wired to the in-page server, signed in as `options.as`. */
export async function renderWithServer(
  ctx: TestServer,
  ui: ReactNode,
  options: RenderWithServerOptions = {},
): Promise<RenderWithServerResult> {
  const client = await createTestClient(ctx, options);
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
  const tree = (
    <SeatKitProvider
      client={client}
      queryClient={queryClient}
      orgId={options.orgId ?? ctx.demo.northwind.orgId}
      messages={options.messages}
      locale={options.locale}
      classNames={options.classNames}
    >
      {options.wrapper ? options.wrapper(ui) : ui}
    </SeatKitProvider>
  );
  const result = render(tree);
  return { ...result, client, queryClient };
}
