import type { InfiniteData } from '@tanstack/react-query';
import type { Member, Page, Subscription } from '@seatkit/core';
import { expect, test, vi } from 'vitest';
import { seatkitQueries } from '../queries.js';
import { seatkitKeys } from '../query-keys.js';
import { gate, renderHookWithServer } from '../test/render-hook.js';
import { USERS, useTestServer } from '../test/server.js';
import { useRemoveMember } from './use-remove-member.js';
import { useAssignSeats, useUnassignSeat } from './use-seat-mutations.js';
import { useUpdateMember } from './use-update-member.js';

const ctx = useTestServer();

type MemberPages = InfiniteData<Page<Member>, string | null>;
const cachedMember = (data: MemberPages | undefined, id: string) => data?.pages.flatMap((p) => p.items).find((m) => m.id === id);
const forbidden = () =>
  Response.json({ error: { code: 'forbidden', message: 'Missing permission', requestId: 'req_test' } }, { status: 403 });

test('a role change shows at once in every cached list (with the new permissions) and settles on the server value', async () => {
  const hold = gate();
  const { result, client, queryClient } = await renderHookWithServer(ctx, () => useUpdateMember(), {
    as: USERS.owner,
    intercept: async (request) => {
      if (request.method === 'PATCH') await hold.opened;
      return undefined;
    },
  });
  const orgId = ctx.demo.northwind.orgId;
  const mia = ctx.demo.northwind.memberMemberId;
  await queryClient.prefetchInfiniteQuery(seatkitQueries.members(client, orgId));
  await queryClient.prefetchInfiniteQuery(seatkitQueries.members(client, orgId, { role: 'member' }));
  await queryClient.prefetchQuery(seatkitQueries.roles(client, orgId));

  const done = result.current.mutateAsync({ memberId: mia, role: 'admin' });
  await vi.waitFor(() => {
    const all = queryClient.getQueryData<MemberPages>(seatkitKeys.memberList(orgId));
    expect(cachedMember(all, mia)?.role).toBe('admin');
    expect(cachedMember(all, mia)?.permissions).toContain('members:remove');
  });
  // No longer a "member": it left the role-filtered list.
  expect(cachedMember(queryClient.getQueryData(seatkitKeys.memberList(orgId, { role: 'member' })), mia)).toBeUndefined();
  hold.open();
  const saved = await done;
  expect(saved.role).toBe('admin');
  expect(cachedMember(queryClient.getQueryData(seatkitKeys.memberList(orgId)), mia)).toEqual(saved);
});

test('a refused role change is rolled back', async () => {
  const { result, client, queryClient } = await renderHookWithServer(ctx, () => useUpdateMember(), {
    as: USERS.owner,
    intercept: (request) => (request.method === 'PATCH' ? forbidden() : undefined),
  });
  const orgId = ctx.demo.northwind.orgId;
  const mia = ctx.demo.northwind.memberMemberId;
  await queryClient.prefetchInfiniteQuery(seatkitQueries.members(client, orgId));
  await expect(result.current.mutateAsync({ memberId: mia, role: 'admin' })).rejects.toMatchObject({ code: 'forbidden' });
  expect(cachedMember(queryClient.getQueryData(seatkitKeys.memberList(orgId)), mia)?.role).toBe('member');
});

test('removal drops the member and frees its seats in the cache at once; rolled back on failure', async () => {
  const hold = gate();
  const { result, client, queryClient } = await renderHookWithServer(ctx, () => useRemoveMember(), {
    as: USERS.owner,
    intercept: async (request) => (request.method === 'DELETE' ? (await hold.opened, forbidden()) : undefined),
  });
  const orgId = ctx.demo.northwind.orgId;
  const mia = ctx.demo.northwind.memberMemberId;
  await queryClient.prefetchInfiniteQuery(seatkitQueries.members(client, orgId));
  await queryClient.prefetchQuery(seatkitQueries.subscriptions(client, orgId));
  const before = queryClient.getQueryData<{ items: Subscription[] }>(seatkitKeys.subscriptions(orgId));
  const held = cachedMember(queryClient.getQueryData(seatkitKeys.memberList(orgId)), mia)!.subscriptionIds;
  expect(held.length).toBeGreaterThan(0);

  const attempt = result.current.mutateAsync({ memberId: mia });
  attempt.catch(() => undefined);
  // Optimistic state, visible before the answer.
  await vi.waitFor(() => expect(cachedMember(queryClient.getQueryData(seatkitKeys.memberList(orgId)), mia)).toBeUndefined());
  const during = queryClient.getQueryData<{ items: Subscription[] }>(seatkitKeys.subscriptions(orgId))!;
  const sub = held[0]!;
  expect(during.items.find((s) => s.id === sub)!.seats.assigned).toBe(before!.items.find((s) => s.id === sub)!.seats.assigned - 1);

  hold.open();
  await expect(attempt).rejects.toMatchObject({ code: 'forbidden' });
  expect(cachedMember(queryClient.getQueryData(seatkitKeys.memberList(orgId)), mia)).toBeDefined();
  expect(queryClient.getQueryData(seatkitKeys.subscriptions(orgId))).toEqual(before);
});

test('bulk seat assignment: refused members (seats_exhausted) are put back, the rest keep their seat', async () => {
  const { result, client, queryClient } = await renderHookWithServer(ctx, () => useAssignSeats(), { as: USERS.admin });
  const orgId = ctx.demo.northwind.orgId;
  const cloud = ctx.demo.northwind.subscriptions.imagingCloud; // 2 seats, none assigned
  await queryClient.prefetchInfiniteQuery(seatkitQueries.members(client, orgId));
  await queryClient.prefetchQuery(seatkitQueries.subscriptions(client, orgId));
  const members = queryClient.getQueryData<MemberPages>(seatkitKeys.memberList(orgId))!.pages[0]!.items;
  const three = members.filter((m) => !m.subscriptionIds.includes(cloud)).slice(0, 3).map((m) => m.id);

  const { results } = await result.current.mutateAsync({ subscriptionId: cloud, memberIds: three });
  expect(results.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual(['ok', 'ok', 'seats_exhausted']);
  const list = queryClient.getQueryData<MemberPages>(seatkitKeys.memberList(orgId));
  expect(three.map((id) => cachedMember(list, id)!.subscriptionIds.includes(cloud))).toEqual([true, true, false]);
  const subs = queryClient.getQueryData<{ items: Subscription[] }>(seatkitKeys.subscriptions(orgId))!;
  expect(subs.items.find((s) => s.id === cloud)!.seats).toMatchObject({ assigned: 2, available: 0 });
});

test('unassigning is optimistic and rolled back when the call fails', async () => {
  let fail = true;
  const hold = gate();
  const { result, client, queryClient } = await renderHookWithServer(ctx, () => useUnassignSeat(), {
    as: USERS.admin,
    intercept: async (request) => {
      if (request.method !== 'DELETE' || !fail) return undefined;
      await hold.opened;
      throw new TypeError('Failed to fetch');
    },
  });
  const orgId = ctx.demo.northwind.orgId;
  const app = ctx.demo.northwind.subscriptions.imagingApp;
  await queryClient.prefetchInfiniteQuery(seatkitQueries.seats(client, orgId, app));
  const holders = () =>
    queryClient.getQueryData<InfiniteData<Page<{ memberId: string }>>>(seatkitKeys.seatList(orgId, app))!.pages.flatMap((p) => p.items);
  const holder = holders()[0]!.memberId;

  const attempt = result.current.mutateAsync({ subscriptionId: app, memberId: holder });
  attempt.catch(() => undefined);
  await vi.waitFor(() => expect(holders().some((s) => s.memberId === holder)).toBe(false));
  hold.open();
  await expect(attempt).rejects.toMatchObject({ code: 'network' });
  expect(holders().some((s) => s.memberId === holder)).toBe(true);

  fail = false;
  await result.current.mutateAsync({ subscriptionId: app, memberId: holder });
  await vi.waitFor(() => expect(holders().some((s) => s.memberId === holder)).toBe(false));
  const server = await client.seats.list({ orgId, subscriptionId: app });
  expect(server.items.some((s) => s.memberId === holder)).toBe(false);
});
