'use client';

import { describeError, LIMITS, normalizeEmail, type Invitation, type Subscription } from '@seatkit/core';
import { useId, useRef, useState } from 'react';
import { useCreateInvitations } from '../hooks/use-create-invitations.js';
import { format } from '../messages/format.js';
import { useSeatKit } from '../provider.js';
import { Button } from '../ui/button.js';
import { useSlots } from '../ui/class-names.js';
import { TextField } from '../ui/field.js';
import { Select } from '../ui/select.js';
import { itemErrorText, useRoleOptions } from './member-helpers.js';

export interface AssignSeatInviteProps {
  /** The subscription a seat is reserved on for the invited person. */
  subscription: Subscription;
  /** No seat left: the invitation cannot reserve one. */
  full: boolean;
  /** The caller holds `members:invite`. */
  canInvite: boolean;
  onInvited?: (invitation: Invitation) => void;
}

type InviteOutcome = { tone: 'success' | 'danger'; text: string } | null;

/**
 * "Invite someone new" inside the seat dialog: a toggle that opens an email + role form, which
 * invites the address into the organization with a seat of the subscription reserved for them.
 */
export function AssignSeatInvite({ subscription, full, canInvite, onInvited }: AssignSeatInviteProps) {
  const { messages } = useSeatKit();
  const slot = useSlots();
  const t = messages.assignSeat;
  const [open, setOpen] = useState(false);
  const [email, setEmail] = useState('');
  const [role, setRole] = useState('member');
  const [error, setError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<InviteOutcome>(null);
  const createInvitations = useCreateInvitations();
  const { options: roleOptions } = useRoleOptions();
  const regionId = useId();
  const emailRef = useRef<HTMLInputElement>(null);

  async function onInvite() {
    const normalized = normalizeEmail(email);
    if (!email.trim()) return fail(t.emailRequired);
    if (!normalized) return fail(t.emailInvalid);
    setError(null);
    setOutcome(null);
    const product = subscription.product.name;
    try {
      const { results: [result] } = await createInvitations.mutateAsync({
        invitations: [{ email: normalized, role, subscriptionIds: [subscription.id] }],
      });
      if (!result) return;
      if (result.ok) {
        // An existing pending invitation is returned unchanged: say so rather than "sent".
        const sent = !result.alreadyInvited && result.invitation.subscriptionIds.includes(subscription.id);
        setOutcome({ tone: 'success', text: format(sent ? t.invited : t.invitePending, { email: normalized, product }) });
        setEmail('');
        onInvited?.(result.invitation);
      } else {
        const { code, message } = result.error;
        const text =
          code === 'already_member'
            ? format(t.inviteAlreadyMember, { email: normalized })
            : code === 'seats_exhausted'
              ? format(t.inviteExhausted, { email: normalized })
              : format(t.inviteFailed, { reason: itemErrorText(code, message, messages) });
        setOutcome({ tone: 'danger', text });
      }
    } catch (err) {
      setOutcome({ tone: 'danger', text: format(t.inviteFailed, { reason: describeError(err, messages.common.errors) }) });
    }
    function fail(message: string) {
      setError(message);
      emailRef.current?.focus();
    }
  }

  return (
    <div {...slot('assign-seat-invite')} data-state={open ? 'open' : 'closed'}>
      <Button
        variant="ghost"
        aria-expanded={open}
        aria-controls={open ? regionId : undefined}
        disabledReason={canInvite ? null : t.inviteNoPermission}
        onClick={() => {
          setOpen((v) => !v);
          setOutcome(null);
        }}
      >
        {t.inviteToggle}
      </Button>
      {open ? (
        <section id={regionId} aria-label={t.inviteTitle} {...slot('assign-seat-invite-form')}>
          <p {...slot('assign-seat-invite-description', 'seatkit-field-description')}>{format(t.inviteDescription, { product: subscription.product.name })}</p>
          <div {...slot('assign-seat-invite-row')}>
            <TextField
              ref={emailRef}
              label={t.inviteEmail}
              type="email"
              autoComplete="off"
              value={email}
              error={error}
              maxLength={LIMITS.emailLength}
              onChange={(event) => {
                setEmail(event.target.value);
                setError(null);
              }}
              onKeyDown={(event) => {
                if (event.key === 'Enter') {
                  event.preventDefault();
                  void onInvite();
                }
              }}
            />
            <Select label={t.inviteRole} options={roleOptions} value={role} onChange={(event) => setRole(event.target.value)} />
          </div>
          <div {...slot('assign-seat-invite-actions')}>
            <Button loading={createInvitations.isPending} disabledReason={full ? t.inviteNoSeat : null} onClick={() => void onInvite()}>
              {createInvitations.isPending ? t.inviting : t.inviteSubmit}
            </Button>
          </div>
          <p {...slot('assign-seat-invite-outcome', 'seatkit-notice seatkit-assign-seat-invite-outcome')} role="status" data-tone={outcome?.tone}>
            {outcome?.text ?? ''}
          </p>
        </section>
      ) : null}
    </div>
  );
}
