/**
 * Type tests of the invitation, seat and access components' public props (checked by `tsc`, the
 * root typecheck): the Radix-style triples, the render-function fallback and the callbacks' data.
 */
import type { AcceptInvitationResult, AccessDeniedReason, AssignSeatsItemResult, Invitation } from '@seatkit/core';
import type { ReactNode } from 'react';
import { expectTypeOf } from 'vitest';
import type {
  AcceptInvitationProps,
  AccessDenied,
  AccessGateProps,
  AssignSeatDialogProps,
  InvitationListProps,
  InvitationStatusFilter,
  OrganizationSwitcherProps,
  SubscriptionListProps,
} from '../index.js';

// Every stateful prop is a controlled / default / onChange triple.
expectTypeOf<AssignSeatDialogProps['open']>().toEqualTypeOf<boolean | undefined>();
expectTypeOf<AssignSeatDialogProps['defaultOpen']>().toEqualTypeOf<boolean | undefined>();
expectTypeOf<NonNullable<AssignSeatDialogProps['onOpenChange']>>().parameters.toEqualTypeOf<[boolean]>();
expectTypeOf<OrganizationSwitcherProps['open']>().toEqualTypeOf<boolean | undefined>();
expectTypeOf<NonNullable<OrganizationSwitcherProps['onOpenChange']>>().parameters.toEqualTypeOf<[boolean]>();
expectTypeOf<InvitationListProps['status']>().toEqualTypeOf<InvitationStatusFilter | undefined>();
expectTypeOf<InvitationListProps['defaultStatus']>().toEqualTypeOf<InvitationStatusFilter | undefined>();
expectTypeOf<InvitationStatusFilter>().toEqualTypeOf<'pending' | 'accepted' | 'revoked' | 'expired' | 'all'>();

// Callbacks carry the server's own types.
expectTypeOf<NonNullable<AssignSeatDialogProps['onAssigned']>>().parameters.toEqualTypeOf<[AssignSeatsItemResult[]]>();
expectTypeOf<NonNullable<AssignSeatDialogProps['onInvited']>>().parameters.toEqualTypeOf<[Invitation]>();
expectTypeOf<NonNullable<AcceptInvitationProps['onAccepted']>>().parameters.toEqualTypeOf<[AcceptInvitationResult]>();
expectTypeOf<AcceptInvitationProps['token']>().toEqualTypeOf<string | null | undefined>();

// AccessGate: `product` is required; `fallback` is a node or a function of the denial.
expectTypeOf<AccessGateProps['product']>().toEqualTypeOf<string>();
expectTypeOf<AccessDenied['reason']>().toEqualTypeOf<AccessDeniedReason>();
expectTypeOf<(denied: AccessDenied) => ReactNode>().toExtend<NonNullable<AccessGateProps['fallback']>>();
expectTypeOf<NonNullable<AccessGateProps['onRequestAccess']>>().parameters.toEqualTypeOf<[Omit<AccessDenied, 'requestAccess'>]>();

// Heading levels are a closed set, so a list never renders an `<h9>`.
expectTypeOf<SubscriptionListProps['headingLevel']>().toEqualTypeOf<2 | 3 | 4 | 5 | undefined>();
// @ts-expect-error 6 is not a heading level of the list
const tooDeep: SubscriptionListProps = { headingLevel: 6 };
void tooDeep;
