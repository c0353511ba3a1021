'use client';

import { type AccessDeniedReason } from '@seatkit/core';
import { forwardRef, useId, useState, type ReactNode } from 'react';
import { useAccess } from '../hooks/use-access.js';
import { useCan, useCurrentMember } from '../hooks/use-current-member.js';
import { useMember } from '../hooks/use-member.js';
import { useOrganization } from '../hooks/use-organization.js';
import { useSubscriptions } from '../hooks/use-subscriptions.js';
import { format } from '../messages/format.js';
import { useSeatKit } from '../provider.js';
import { Button } from '../ui/button.js';
import { withClassNames, useSlots, type SeatKitClassNames } from '../ui/class-names.js';
import { ErrorState } from '../ui/error-state.js';
import { LoadingState } from '../ui/spinner.js';
import { memberName } from './member-helpers.js';

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
  /** Calls `onRequestAccess` (when given). */
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
   * Called by the panel's "Ask an admin for access" button (e.g. to open a request form).
   * Without it the panel offers an email link to the organization's owner, when the caller may see it.
   */
  onRequestAccess?: (denied: Omit<AccessDenied, 'requestAccess'>) => void;
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
  const access = useAccess(product, { enabled: !notMember && Boolean(me) });
  const denied = notMember ? 'not_a_member' : access.data && !access.data.allowed ? (access.data.reason ?? 'no_seat') : null;

  const canReadSeats = useCan('seats:read');
  const canReadMembers = useCan('members:read');
  const subscriptions = useSubscriptions({ enabled: Boolean(denied) && !notMember && canReadSeats });
  const productName =
    subscriptions.data?.items.find((s) => s.product.key === product)?.product.name ?? productNameProp ?? product;

  // The owner is whom to ask; only looked up when no host handler is given and the caller may read members.
  const wantOwner = Boolean(denied) && !notMember && !onRequestAccess && canReadMembers;
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
  const info = { product, productName, reason: denied, reasonText, orgId };
  const requestAccess = () => {
    onRequestAccess?.(info);
    setRequested(true);
  };
  if (fallback !== undefined) {
    return <>{typeof fallback === 'function' ? fallback({ ...info, requestAccess }) : fallback}</>;
  }

  const Heading = `h${headingLevel}` as const;
  const ownerMember = owner.data;
  let action: ReactNode = null;
  if (onRequestAccess) {
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
