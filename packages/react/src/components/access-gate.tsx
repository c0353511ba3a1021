'use client';

import { describeError, type AccessDeniedReason, type AccessResult } from '@seatkit/core';
import { forwardRef, useId, useState, type ReactNode } from 'react';
import { useAccess } from '../hooks/use-access.js';
import { useCan, useCurrentMember } from '../hooks/use-current-member.js';
import { useMember } from '../hooks/use-member.js';
import { useOrganization } from '../hooks/use-organization.js';
import { useRequestSeat } from '../hooks/use-seat-requests.js';
import { useSubscriptions } from '../hooks/use-subscriptions.js';
import { format } from '../messages/format.js';
import { useSeatKit } from '../provider.js';
import { Button } from '../ui/button.js';
import { withClassNames, useSlots, type SeatKitClassNames } from '../ui/class-names.js';
import { ErrorState } from '../ui/error-state.js';
import { LoadingState } from '../ui/spinner.js';
import { formatDate, memberName } from './member-helpers.js';

/** What a denied check hands to `fallback` and `onRequestAccess`. */
export interface AccessDenied {
  /** The product key that was checked. */
  product: string;
  /** The product's display name (from the subscriptions, else `productName`, else the key). */
  productName: string;
  reason: AccessDeniedReason;
  /** The reason as a sentence in the provider's messages. */
  reasonText: string;
  orgId: string | null;
  /** The caller's latest seat request for the product (with `no_seat`), when there is one. */
  request?: AccessResult['request'];
  /** Calls `onRequestAccess` when given, else asks the server for a seat (a seat request). */
  requestAccess: () => void;
}

export interface AccessGateProps {
  /** The product key to check, e.g. `imaging-app`. */
  product: string;
  /** Rendered when access is allowed (and only then). */
  children?: ReactNode;
  /** Shown instead of the product key when the subscriptions cannot tell its name. */
  productName?: string;
  /**
   * Replaces the built-in access-denied panel: a node, or a function of the denial
   * (`{ reason, reasonText, productName, requestAccess }`).
   */
  fallback?: ReactNode | ((denied: AccessDenied) => ReactNode);
  /** Shown while the check runs. @default a "Checking access…" status */
  loadingFallback?: ReactNode;
  /** The panel's heading. @default messages.accessGate.title ("Access Denied") */
  title?: ReactNode;
  /** The panel's message. @default messages.accessGate.message (the help center's wording) */
  message?: ReactNode;
  /**
   * Called by the panel's "Ask an admin for access" button (e.g. to open the host's own request form).
   * Without it, a member without a seat gets "Request a seat" (a seat request the admins approve or deny:
   * the panel then says "Requested on …" and opens by itself once a seat is theirs); for the other reasons,
   * an email link to the organization's owner, when the caller may see it.
   */
  onRequestAccess?: (denied: Omit<AccessDenied, 'requestAccess'>) => void;
  /**
   * While a seat request is pending, the check runs again this often (ms) as long as the page is visible,
   * and whenever the window regains focus; `false` turns the timer off.
   * @default 30000
   */
  recheckInterval?: number | false;
  /** Heading level of the panel. @default 2 */
  headingLevel?: 1 | 2 | 3 | 4;
  /** Class of the root (`access-gate`). */
  className?: string;
  /** Classes of the parts, keyed by `data-slot` (`access-gate-title`, `access-gate-request`, `button`, …). */
  classNames?: SeatKitClassNames;
}

/**
 * Renders its children only when the signed-in member may use a product (holds a seat of an
 * active, unexpired subscription and is not suspended). Otherwise it shows the access-denied
 * message, the reason, and a way to ask an admin. The server decides; this only renders its answer.
 *
 * @example
 * <AccessGate product="imaging-app" onRequestAccess={openSupportForm}>
 *   <ImagingApp />
 * </AccessGate>
 */
export const AccessGate = /* @__PURE__ */ withClassNames(forwardRef<HTMLElement, AccessGateProps>(function AccessGate(
  {
    product,
    children,
    productName: productNameProp,
    fallback,
    loadingFallback,
    title,
    message,
    onRequestAccess,
    recheckInterval = 30_000,
    headingLevel = 2,
    className,
  },
  ref,
) {
  const { messages, orgId, locale } = useSeatKit();
  const t = messages.accessGate;
  const { member: me, isPending: mePending, error: meError, refetch: refetchMe } = useCurrentMember();
  // No membership in the current organization: the server would answer `not_found` (tenancy).
  const notMember = me === null || (!mePending && !meError && !orgId);
  const access = useAccess(product, {
    enabled: !notMember && Boolean(me),
    // A granted request opens the gate without a reload: checked again on focus, and on a timer while pending.
    refetchOnWindowFocus: 'always',
    refetchInterval: (data) => (data?.request?.status === 'pending' ? recheckInterval : false),
  });
  const denied = notMember ? 'not_a_member' : access.data && !access.data.allowed ? (access.data.reason ?? 'no_seat') : null;

  const canReadSeats = useCan('seats:read');
  const canReadMembers = useCan('members:read');
  const subscriptions = useSubscriptions({ enabled: Boolean(denied) && !notMember && canReadSeats });
  const productName =
    subscriptions.data?.items.find((s) => s.product.key === product)?.product.name ?? productNameProp ?? product;

  // Without a host handler, a member without a seat asks the server for one (a seat request).
  const builtInRequest = !onRequestAccess && denied === 'no_seat';
  const seatRequest = useRequestSeat();
  const request = access.data?.request;
  // The owner is whom to ask otherwise; only looked up when no host handler is given and the caller may read members.
  const wantOwner = Boolean(denied) && !notMember && !onRequestAccess && !builtInRequest && canReadMembers;
  const organization = useOrganization({ enabled: wantOwner });
  const ownerId = organization.data?.ownerMemberId;
  const owner = useMember(ownerId, { enabled: wantOwner && Boolean(ownerId) && ownerId !== me?.id });

  const [requested, setRequested] = useState(false);
  const titleId = useId();
  const slot = useSlots();

  if (access.data?.allowed && !notMember) return <>{children}</>;

  if (!denied) {
    const error = access.error ?? meError;
    if (error) {
      return (
        <ErrorState
          {...slot('access-gate', 'seatkit-root seatkit-access-gate', className)}
          title={t.errorTitle}
          error={error}
          onRetry={() => void (access.error ? access.refetch() : refetchMe())}
        />
      );
    }
    return loadingFallback !== undefined ? (
      <>{loadingFallback}</>
    ) : (
      <LoadingState {...slot('access-gate', 'seatkit-root seatkit-access-gate', className)} label={t.checking} />
    );
  }

  const reasonText = format(t.reasons[denied], { product: productName }, locale);
  const info = { product, productName, reason: denied, reasonText, orgId, ...(request && { request }) };
  const requestAccess = () => {
    if (builtInRequest) {
      seatRequest.mutate({ product });
      return;
    }
    onRequestAccess?.(info);
    setRequested(true);
  };
  if (fallback !== undefined) {
    return <>{typeof fallback === 'function' ? fallback({ ...info, requestAccess }) : fallback}</>;
  }

  const Heading = `h${headingLevel}` as const;
  const ownerMember = owner.data;
  let action: ReactNode = null;
  if (builtInRequest) {
    const pending = request?.status === 'pending';
    action = (
      <>
        {pending ? (
          <p role="status" data-tone="success" {...slot('access-gate-request-sent', 'seatkit-notice')}>
            {format(t.requestedOn, { date: formatDate(request.createdAt, locale, messages) })}
          </p>
        ) : (
          <>
            {request?.status === 'denied' ? (
              <p role="status" {...slot('access-gate-request-denied', 'seatkit-notice')}>
                {format(t.requestDenied, { date: formatDate(request.createdAt, locale, messages) })}
              </p>
            ) : null}
            <Button variant="primary" loading={seatRequest.isPending} {...slot('access-gate-request')} onClick={requestAccess}>
              {seatRequest.isPending ? t.requesting : request?.status === 'denied' ? t.requestAgain : t.requestSeat}
            </Button>
          </>
        )}
        {seatRequest.isError ? (
          <p role="alert" data-tone="danger" {...slot('access-gate-request-error', 'seatkit-notice')}>
            {format(t.requestFailed, { reason: describeError(seatRequest.error, messages.common.errors) })}
          </p>
        ) : null}
      </>
    );
  } else if (onRequestAccess) {
    action = requested ? (
      <p data-tone="success" {...slot('access-gate-request-sent', 'seatkit-notice')}>
        {t.requestSent}
      </p>
    ) : (
      <Button variant="primary" {...slot('access-gate-request')} onClick={requestAccess}>
        {t.requestAccess}
      </Button>
    );
  } else if (ownerMember) {
    const ownerName = memberName(ownerMember);
    const orgName = (me && organization.data?.name) || '';
    const subject = format(t.mailSubject, { product: productName });
    const body = format(t.mailBody, { name: ownerName, product: productName, org: orgName, reason: reasonText });
    action = (
      <a
        {...slot('access-gate-request', 'seatkit-button')}
        data-variant="primary"
        data-size="md"
        href={`mailto:${encodeURIComponent(ownerMember.email)}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`}
      >
        {format(t.contactOwner, { name: ownerName })}
      </a>
    );
  }

  return (
    <section
      ref={ref}
      aria-labelledby={titleId}
      data-state="denied"
      data-reason={denied}
      {...slot('access-gate', 'seatkit-root seatkit-access-gate', className)}
    >
      <Heading id={titleId} {...slot('access-gate-title')}>
        {title ?? t.title}
      </Heading>
      <p {...slot('access-gate-message')}>
        {message ?? t.message}
      </p>
      <p {...slot('access-gate-reason')}>
        <span {...slot('access-gate-reason-label')}>{t.reasonLabel}</span> {reasonText}
      </p>
      {action ? <div {...slot('access-gate-actions')}>{action}</div> : null}
    </section>
  );
}));
