import { describe, expectTypeOf, it } from 'vitest';
import {
  createSeatKitClient,
  describeError,
  isSeatKitError,
  parseEmailList,
  parseInvitationToken,
  SeatKitError,
  type AccessResult,
  type CreateInvitationsResult,
  type AssignSeatsResult,
  type ErrorCode,
  type Invitation,
  type InvitationPreview,
  type Me,
  type Member,
  type Organization,
  type Page,
  type ParsedEmailList,
  type Role,
  type SeatKitClient,
  type Subscription,
} from '@seatkit/core';

const seatkit = createSeatKitClient({ baseUrl: 'http://x', getToken: async () => 'token' });

describe('createSeatKitClient', () => {
  it('returns a SeatKitClient and takes the documented options', () => {
    expectTypeOf(seatkit).toEqualTypeOf<SeatKitClient>();
    createSeatKitClient({ baseUrl: 'http://x', getToken: () => null, fetch: globalThis.fetch, timeout: false, retry: 0, headers: { a: 'b' } });
    createSeatKitClient({ baseUrl: 'http://x', retry: { limit: 5, backoffLimit: 1000, maxRetryAfter: 5000 }, serverKey: 'sk' });
    // @ts-expect-error baseUrl is required
    createSeatKitClient({ getToken: () => null });
    // @ts-expect-error getToken returns a string or null
    createSeatKitClient({ baseUrl: 'http://x', getToken: () => 42 });
  });

  it('types every response from the contract', () => {
    expectTypeOf(seatkit.me()).resolves.toEqualTypeOf<Me>();
    expectTypeOf(seatkit.organizations.get({ orgId: 'o' })).resolves.toEqualTypeOf<Organization>();
    expectTypeOf(seatkit.members.list({ orgId: 'o' })).resolves.toEqualTypeOf<Page<Member>>();
    expectTypeOf(seatkit.members.get({ orgId: 'o', memberId: 'm' })).resolves.toEqualTypeOf<Member>();
    expectTypeOf(seatkit.members.remove({ orgId: 'o', memberId: 'm' })).resolves.toEqualTypeOf<void>();
    expectTypeOf(seatkit.invitations.create({ orgId: 'o', invitations: [{ email: 'a@b.co', role: 'member' }] })).resolves.toEqualTypeOf<CreateInvitationsResult>();
    expectTypeOf(seatkit.invitations.revoke({ orgId: 'o', invitationId: 'i' })).resolves.toEqualTypeOf<Invitation>();
    expectTypeOf(seatkit.invitations.preview({ token: 't' })).resolves.toEqualTypeOf<InvitationPreview>();
    expectTypeOf(seatkit.roles.list({ orgId: 'o' })).resolves.toEqualTypeOf<{ items: Role[] }>();
    expectTypeOf(seatkit.subscriptions.list({ orgId: 'o' })).resolves.toEqualTypeOf<{ items: Subscription[] }>();
    expectTypeOf(seatkit.seats.assign({ orgId: 'o', subscriptionId: 's', memberIds: ['m'] })).resolves.toEqualTypeOf<AssignSeatsResult>();
    expectTypeOf(seatkit.access.check({ orgId: 'o', product: 'imaging-app' })).resolves.toEqualTypeOf<AccessResult>();
  });

  it('narrows bulk results by ok', async () => {
    const { results } = await seatkit.invitations.create({ orgId: 'o', invitations: [{ email: 'a@b.co', role: 'member' }] });
    const result = results[0]!;
    if (result.ok) expectTypeOf(result.invitation).toEqualTypeOf<Invitation>();
    else expectTypeOf(result.error.code).toEqualTypeOf<string>();
  });

  it('iterates members', () => {
    expectTypeOf(seatkit.members.iterate({ orgId: 'o' })).toEqualTypeOf<AsyncGenerator<Member, void, undefined>>();
    // @ts-expect-error iterate manages the cursor itself
    seatkit.members.iterate({ orgId: 'o', cursor: 'c' });
  });

  it('checks params', () => {
    // @ts-expect-error orgId is required
    seatkit.members.list({});
    // @ts-expect-error status is active or suspended
    seatkit.members.list({ orgId: 'o', status: 'deleted' });
    // @ts-expect-error role is required when adding
    seatkit.members.add({ orgId: 'o', email: 'a@b.co', firstName: 'A', lastName: 'B' });
    // @ts-expect-error permissions are permission strings
    seatkit.members.update({ orgId: 'o', memberId: 'm', permissions: ['everything'] });
    // @ts-expect-error limit is a number
    seatkit.audit.list({ orgId: 'o', limit: '10' });
  });

  it('takes a signal everywhere and an idempotency key on mutations', () => {
    const signal = new AbortController().signal;
    seatkit.me({ signal });
    seatkit.members.list({ orgId: 'o' }, { signal, timeout: 1000 });
    seatkit.members.add({ orgId: 'o', email: 'a@b.co', firstName: 'A', lastName: 'B', role: 'member' }, { signal, idempotencyKey: 'k' });
    // @ts-expect-error reads take no idempotency key
    seatkit.members.list({ orgId: 'o' }, { idempotencyKey: 'k' });
  });
});

describe('errors and helpers', () => {
  it('narrows with isSeatKitError', () => {
    const error: unknown = new Error();
    if (isSeatKitError(error)) {
      expectTypeOf(error).toExtend<SeatKitError>();
      expectTypeOf(error.code).toEqualTypeOf<ErrorCode>();
      expectTypeOf(error.status).toEqualTypeOf<number | undefined>();
      expectTypeOf(error.requestId).toEqualTypeOf<string | undefined>();
      expectTypeOf(error.name).toEqualTypeOf<'SeatKitError'>();
    }
    if (isSeatKitError(error, 'seats_exhausted')) expectTypeOf(error.code).toEqualTypeOf<'seats_exhausted'>();
    // @ts-expect-error only known codes
    isSeatKitError(error, 'nope');
  });

  it('types the helpers', () => {
    expectTypeOf(describeError).parameter(1).toEqualTypeOf<Partial<Record<ErrorCode | 'unknown', string>> | undefined>();
    expectTypeOf(describeError(new Error())).toEqualTypeOf<string>();
    expectTypeOf(parseInvitationToken('x')).toEqualTypeOf<string | null>();
    expectTypeOf(parseEmailList('x')).toEqualTypeOf<ParsedEmailList>();
  });
});
