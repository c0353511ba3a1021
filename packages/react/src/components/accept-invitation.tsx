'use client';

import { isSeatKitError, parseInvitationToken, type AcceptInvitationResult, type InvitationPreview } from '@seatkit/core';
import { forwardRef, useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useAcceptInvitation } from '../hooks/use-invitation-mutations.js';
import { useInvitationPreview } from '../hooks/use-invitations.js';
import { useMe } from '../hooks/use-me.js';
import { format } from '../messages/format.js';
import { fullName } from '../messages/formatters.js';
import { useSeatKit } from '../provider.js';
import { Button } from '../ui/button.js';
import { withClassNames, useSlots, type SeatKitClassNames } from '../ui/class-names.js';
import { ErrorState } from '../ui/error-state.js';
import { LoadingState } from '../ui/spinner.js';
import { formatDate, roleLabel } from './member-helpers.js';

/** The screen `AcceptInvitation` shows; also its `data-state`. */
export type AcceptInvitationState =
  | 'missing'
  | 'loading'
  | 'invalid'
  | 'error'
  | 'pending'
  | 'sign-in'
  | 'wrong-account'
  | 'expired'
  | 'revoked'
  | 'accepted'
  | 'joined';

export interface AcceptInvitationProps {
  /**
   * The invitation token. Omit it to read `?token=` (or `#token=`) from the page's URL with
   * `parseInvitationToken`.
   */
  token?: string | null;
  /** Called once the invitation is accepted, with the joined organization and the new membership. */
  onAccepted?: (result: AcceptInvitationResult) => void;
  /** Shows a "Continue to {org}" button after joining; called with the same result. */
  onContinue?: (result: AcceptInvitationResult) => void;
  /**
   * Shown as a button when nobody is signed in, or someone else is: sign in (again) as the invited
   * email. Without it the screen only says which address to use.
   */
  onSignIn?: (email: string) => void;
  /**
   * Whether the host knows someone is signed in. `false` shows the sign-in screen without asking
   * `/v1/me` (a request that could only fail with 401 and log it in the browser console).
   * @default undefined: asks `/v1/me`, and a 401 means nobody is signed in
   */
  signedIn?: boolean;
  /** Make the joined organization the provider's current one (`setOrgId`). @default true */
  switchOrganization?: boolean;
  /** Heading level of the card. @default 2 */
  headingLevel?: 1 | 2 | 3 | 4;
  /** Class of the root (`accept-invitation`). */
  className?: string;
  /**
   * Classes of the parts, keyed by `data-slot` (`accept-invitation-title`, `accept-invitation-message`,
   * `accept-invitation-accept`, `button`, …).
   */
  classNames?: SeatKitClassNames;
}

function tokenFromLocation(): string | null {
  return typeof window === 'undefined' ? null : parseInvitationToken(window.location.href);
}

/**
 * The page behind an invitation link: preview (organization, role, inviter) → accept → "You have
 * joined {org}". Expired, revoked, already accepted and signed-in-as-someone-else links each get
 * their own explanation; the server checks all of them again on accept.
 *
 * @example
 * // at /accept-invitation?token=…
 * <AcceptInvitation onAccepted={() => navigate('/')} onSignIn={(email) => signIn({ loginHint: email })} />
 */
export const AcceptInvitation = /* @__PURE__ */ withClassNames(forwardRef<HTMLElement, AcceptInvitationProps>(function AcceptInvitation(
  { token: tokenProp, onAccepted, onContinue, onSignIn, signedIn, switchOrganization = true, headingLevel = 2, className },
  ref,
) {
  const { messages, locale, setOrgId } = useSeatKit();
  const t = messages.acceptInvitation;
  const [urlToken] = useState(() => (tokenProp === undefined ? tokenFromLocation() : null));
  const token = tokenProp === undefined ? urlToken : tokenProp;

  const preview = useInvitationPreview(token);
  const me = useMe({ enabled: Boolean(token) && signedIn !== false });
  const accept = useAcceptInvitation();
  const [joined, setJoined] = useState<AcceptInvitationResult | null>(null);
  const titleId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const slot = useSlots();

  // The confirmation replaces the card the focused button was in: move focus to its heading.
  useEffect(() => {
    if (joined) headingRef.current?.focus();
  }, [joined]);

  async function onAccept() {
    if (!token) return;
    try {
      const result = await accept.mutateAsync({ token });
      setJoined(result);
      if (switchOrganization) setOrgId(result.organization.id);
      onAccepted?.(result);
    } catch (error) {
      // Expired or used meanwhile: show the preview's (refetched) state instead of a bare error.
      if (isSeatKitError(error, 'invitation_expired') || isSeatKitError(error, 'invitation_not_pending')) {
        void preview.refetch();
      }
    }
  }

  const data: InvitationPreview | undefined = preview.data;
  const org = data?.organization.name ?? '';
  const inviter = data?.invitedBy ? fullName(data.invitedBy) : '';
  const meEmail = me.data?.user.email;
  const signedOut = signedIn === false || isSeatKitError(me.error, 'unauthorized');
  const acceptError = accept.error;

  let state: AcceptInvitationState;
  if (joined) state = 'joined';
  else if (!token) state = 'missing';
  else if (preview.isPending) state = 'loading';
  else if (preview.error) state = isSeatKitError(preview.error, 'not_found') ? 'invalid' : 'error';
  else if (data!.status === 'expired' || isSeatKitError(acceptError, 'invitation_expired')) state = 'expired';
  else if (data!.status === 'revoked') state = 'revoked';
  else if (data!.status === 'accepted') state = 'accepted';
  else if (signedOut) state = 'sign-in';
  else if (meEmail && meEmail !== data!.email) state = 'wrong-account';
  else state = 'pending';

  const Heading = `h${headingLevel}` as const;
  let heading: ReactNode = null;
  let body: ReactNode = null;
  let tone: 'info' | 'success' | 'warning' | 'danger' = 'info';

  switch (state) {
    case 'loading':
      return (
        <LoadingState
          {...slot('accept-invitation', 'seatkit-root seatkit-accept-invitation', className)}
          label={t.loading}
        />
      );
    case 'error':
      return (
        <ErrorState
          {...slot('accept-invitation', 'seatkit-root seatkit-accept-invitation', className)}
          title={t.loadErrorTitle}
          error={preview.error}
          onRetry={() => void preview.refetch()}
        />
      );
    case 'missing':
      heading = t.missingTitle;
      body = <p {...slot('accept-invitation-message')}>{t.missing}</p>;
      tone = 'warning';
      break;
    case 'invalid':
      heading = t.invalidTitle;
      body = <p {...slot('accept-invitation-message')}>{t.invalid}</p>;
      tone = 'warning';
      break;
    case 'expired':
      heading = t.expiredTitle;
      body = <p {...slot('accept-invitation-message')}>{inviter ? format(t.expired, { name: inviter }) : format(t.expiredNoInviter, { org })}</p>;
      tone = 'warning';
      break;
    case 'revoked':
      heading = t.revokedTitle;
      body = <p {...slot('accept-invitation-message')}>{format(t.revoked, { org })}</p>;
      tone = 'warning';
      break;
    case 'accepted':
      heading = t.acceptedTitle;
      body = <p {...slot('accept-invitation-message')}>{format(t.accepted, { org })}</p>;
      break;
    case 'joined':
      heading = t.joinedTitle;
      tone = 'success';
      body = (
        <>
          <p role="status" {...slot('accept-invitation-confirmation')}>
            {format(t.joined, { org: joined!.organization.name })}
          </p>
          {onContinue ? (
            <div {...slot('accept-invitation-actions')}>
              <Button variant="primary" onClick={() => onContinue(joined!)}>
                {format(t.continue, { org: joined!.organization.name })}
              </Button>
            </div>
          ) : null}
        </>
      );
      break;
    default: {
      heading = format(t.title, { org });
      const role = roleLabel(data!.role, undefined, messages, data!.roleName);
      const details = (
        <>
          <p {...slot('accept-invitation-message')}>{inviter ? format(t.invitedBy, { name: inviter, org, role }) : format(t.invited, { org, role })}</p>
          <p {...slot('accept-invitation-meta')}>
            {format(t.forEmail, { email: data!.email })} {format(t.expires, { date: formatDate(data!.expiresAt, locale, messages) })}
          </p>
        </>
      );
      if (state === 'sign-in' || state === 'wrong-account') {
        body = (
          <>
            {details}
            <p data-tone="warning" {...slot('accept-invitation-account', 'seatkit-notice')}>
              {state === 'sign-in'
                ? format(t.signIn, { email: data!.email })
                : format(t.wrongAccount, { current: meEmail ?? '', email: data!.email })}
            </p>
            {onSignIn ? (
              <div {...slot('accept-invitation-actions')}>
                <Button variant="primary" onClick={() => onSignIn(data!.email)}>
                  {state === 'sign-in' ? t.signInAction : t.switchAccount}
                </Button>
              </div>
            ) : null}
          </>
        );
      } else {
        body = (
          <>
            {details}
            {acceptError ? <ErrorState size="inline" title={t.errorTitle} error={acceptError} /> : null}
            <div {...slot('accept-invitation-actions')}>
              <Button
                variant="primary"
                loading={accept.isPending || me.isPending}
                onClick={() => void onAccept()}
                {...slot('accept-invitation-accept')}
              >
                {accept.isPending ? t.accepting : t.accept}
              </Button>
            </div>
          </>
        );
      }
    }
  }

  return (
    <section
      ref={ref}
      aria-labelledby={titleId}
      data-state={state}
      data-tone={tone}
      {...slot('accept-invitation', 'seatkit-root seatkit-accept-invitation', className)}
    >
      <Heading
        id={titleId}
        ref={headingRef}
        tabIndex={-1}
        {...slot('accept-invitation-title')}
      >
        {heading}
      </Heading>
      {body}
    </section>
  );
}));
