import { QueryClient } from '@tanstack/react-query';
import type { SeatKitClient } from '@seatkit/core';
import type { DemoSeed, SeatKitServer } from '@seatkit/server';
import { createTestServer, DEMO_USERS, type TestServer as InProcessServer } from '@seatkit/server/testing';
import type { ReactNode } from 'react';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { SeatKitProvider } from '../provider.js';
import type { Messages, MessagesOverride } from '../messages/types.js';
import type { SeatKitClassNames } from '../ui/class-names.js';
import { render, type RenderResult } from './render.js';

/** The demo people, by their seeded emails. */
export const USERS = {
  owner: DEMO_USERS.owner.email,
  admin: DEMO_USERS.admin.email,
  member: DEMO_USERS.member.email,
  lakesideOwner: DEMO_USERS.lakesideOwner.email,
} as const;

export interface TestServer {
  readonly server: SeatKitServer;
  readonly demo: DemoSeed;
  /** The in-process server's harness (clients, `fetch`). */
  readonly harness: InProcessServer;
}

/**
 * The REAL reference server (`@seatkit/server/testing`), running in this browser page on in-memory
 * PGlite. One per test file (creating PGlite runs initdb: seconds); every test starts from a fresh demo seed.
 *
 * @example const ctx = useTestServer(); test('…', async () => { await renderWithServer(ctx, <MemberList />) });
 */
export function useTestServer(): TestServer {
  let harness: InProcessServer | undefined;
  beforeAll(async () => {
    harness = await createTestServer();
  });
  beforeEach(async () => {
    await harness!.reset();
  });
  afterAll(async () => {
    await harness?.close();
  });
  const started = (): InProcessServer => {
    if (!harness) throw new Error('The test server is not started yet (use it inside a test).');
    return harness;
  };
  return {
    get server() {
      return started().server;
    },
    get demo() {
      return started().demo;
    },
    get harness() {
      return started();
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
  const { harness } = ctx;
  const { intercept } = options;
  return harness.clientFor(options.as ?? USERS.admin, {
    fetch: intercept
      ? async (input, init) => {
          const request = new Request(input, init);
          return (await intercept(request.clone())) ?? harness.fetch(request);
        }
      : harness.fetch,
  });
}

/**
 * The host's back office: a client with the server key, for the provisioning routes (a subscription canceled,
 * expired or resized before the UI is rendered).
 *
 * @example await provisioning(ctx).subscriptions.update({ orgId, subscriptionId, status: 'canceled' });
 */
export function provisioning(ctx: TestServer): SeatKitClient {
  return ctx.harness.clientFor(null, { serverKey: 'sk_test', fetch: ctx.harness.fetch });
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
