'use client';

import { canHandOutSeats, type Subscription } from '@seatkit/core';
import { format } from '../messages/format.js';
import { useSeatKit } from '../provider.js';
import { Badge } from '../ui/badge.js';
import { Button, IconButton } from '../ui/button.js';
import { useSlots } from '../ui/class-names.js';
import { Checkbox, Field, Input } from '../ui/field.js';
import { NameFields } from './name-fields.js';
import { CheckIcon, XIcon } from '../ui/icons.js';
import { Select, type SelectOption } from '../ui/select.js';

/** One person in the invite form. */
export interface InviteRow {
  key: number;
  email: string;
  role: string;
  firstName: string;
  lastName: string;
  subscriptionIds: string[];
  /** Names and seats shown. */
  expanded: boolean;
  /** Client-side problem with the email. */
  error?: string;
  nameErrors?: { firstName?: string; lastName?: string };
  /** The server's answer for this row after a submit. */
  /** `pending`: the person already had a pending invitation; it is kept and no email is sent. */
  result?: { state: 'sent'; pending?: boolean } | { state: 'failed'; message: string; code: string };
}

export interface InviteRowItemProps {
  row: InviteRow;
  index: number;
  roleOptions: readonly SelectOption[];
  /**
   * Subscriptions a seat may be reserved on, empty when the caller may not assign seats. Those that hand out no seat
   * (core's `canHandOutSeats`: canceled, expired, full) are shown disabled, a dead one with the reason.
   */
  reservable: readonly Subscription[];
  onChange: (key: number, patch: Partial<InviteRow>) => void;
  onRemove: (key: number) => void;
  /** Registers the email input, so focus can move to a row. */
  emailRef: (node: HTMLInputElement | null) => void;
}

/** A row of the invite form: email and role, the names and seats when expanded, and its result once sent. */
export function InviteRowItem({ row, index, roleOptions, reservable, onChange, onRemove, emailRef }: InviteRowItemProps) {
  const { messages, locale } = useSeatKit();
  const slot = useSlots();
  const t = messages.invite;
  const sent = row.result?.state === 'sent';
  const failed = row.result?.state === 'failed';
  const label = format(t.rowLabel, { index: index + 1 });
  const failMessage = row.result?.state === 'failed' ? format(t.resultFailed, { reason: row.result.message }) : undefined;
  return (
    <li
      {...slot('invite-row')}
      data-state={sent ? 'sent' : failed ? 'failed' : row.error ? 'invalid' : 'editing'}
      aria-label={label}
    >
      <div {...slot('invite-row-main')}>
        <Field label={t.email} error={row.error ?? failMessage} required>
          {(control) => (
            <Input
              {...control}
              ref={emailRef}
              type="email"
              autoComplete="off"
              value={row.email}
              readOnly={sent}
              aria-label={`${t.email} (${label})`}
              onChange={(e) => onChange(row.key, { email: e.currentTarget.value, error: undefined, result: undefined })}
            />
          )}
        </Field>
        <Select
          label={t.role}
          aria-label={`${t.role} (${label})`}
          options={roleOptions}
          value={row.role}
          disabled={sent}
          onChange={(e) => onChange(row.key, { role: e.currentTarget.value })}
        />
        <div {...slot('invite-row-actions')}>
          {sent ? (
            row.result?.state === 'sent' && row.result.pending ? (
              <Badge tone="info">{t.resultPending}</Badge>
            ) : (
              <Badge tone="success">
                <CheckIcon /> {t.resultInvited}
              </Badge>
            )
          ) : (
            <>
              <Button size="sm" variant="ghost" aria-expanded={row.expanded} onClick={() => onChange(row.key, { expanded: !row.expanded })}>
                {t.namesToggle}
              </Button>
              <IconButton size="sm" label={format(t.removeRow, { index: index + 1 })} icon={<XIcon />} onClick={() => onRemove(row.key)} />
            </>
          )}
        </div>
      </div>
      {row.expanded && !sent ? (
        <div {...slot('invite-row-extra')}>
          <NameFields names={row} errors={row.nameErrors} context={label} onChange={(patch) => onChange(row.key, patch)} />
          {reservable.length > 0 ? (
            <fieldset {...slot('invite-seats', 'seatkit-fieldset')}>
              <legend {...slot('invite-seats-legend', 'seatkit-field-label')}>{t.seats}</legend>
              {reservable.map((s) => {
                const decision = canHandOutSeats({ status: s.status, expiresAt: s.expiresAt }, new Date());
                const refused = !decision.allowed && decision.reason !== 'full' ? messages.subscriptions.refused[decision.reason] : null;
                return (
                  <Checkbox
                    key={s.id}
                    label={format(t.seatOption, { product: s.product.name, available: s.seats.available }, locale)}
                    description={refused}
                    aria-label={`${s.product.name} (${label})`}
                    checked={row.subscriptionIds.includes(s.id)}
                    // Once checked (e.g. `defaultSubscriptionIds`), it can still be unchecked.
                    disabled={(refused !== null || s.seats.available <= 0) && !row.subscriptionIds.includes(s.id)}
                    onChange={(e) => {
                      const on = e.currentTarget.checked;
                      onChange(row.key, {
                        subscriptionIds: on ? [...row.subscriptionIds, s.id] : row.subscriptionIds.filter((id) => id !== s.id),
                      });
                    }}
                  />
                );
              })}
            </fieldset>
          ) : null}
        </div>
      ) : null}
    </li>
  );
}
