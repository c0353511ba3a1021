'use client';

import { LIMITS, normalizeEmail, parseEmailList, type InvitationInput, type InvitationResult } from '@seatkit/core';
import { forwardRef, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useCreateInvitations } from '../hooks/use-create-invitations.js';
import { useCan, useCurrentMember } from '../hooks/use-current-member.js';
import { useSubscriptions } from '../hooks/use-subscriptions.js';
import { format } from '../messages/format.js';
import { useSeatKit } from '../provider.js';
import { Button } from '../ui/button.js';
import { withClassNames, useSlots, type SeatKitClassNames } from '../ui/class-names.js';
import { DisabledReason } from '../ui/disabled-reason.js';
import { ErrorState } from '../ui/error-state.js';
import { InviteListTools, type InviteListReport } from './invite-list-tools.js';
import { InviteRowItem, type InviteRow } from './invite-row.js';
import { itemErrorText, nameError, useRoleOptions } from './member-helpers.js';

export interface InviteMembersFormProps {
  /** Class of the root (`invite-form`). */
  className?: string;
  /** Classes of the parts, keyed by `data-slot` (`invite-row`, `invite-tools`, `field-error`, `button`, …). */
  classNames?: SeatKitClassNames;
  /** Role of new rows. @default 'member' */
  defaultRole?: string;
  /** Pre-filled addresses (e.g. from "invite someone new" elsewhere). */
  defaultEmails?: string[];
  /** Subscription ids to reserve for new rows (e.g. opened from a subscription). */
  defaultSubscriptionIds?: string[];
  /** Called after every submit with one result per sent row, in order. */
  onSubmitted?: (results: InvitationResult[]) => void;
  /** Called when every row has been sent successfully. */
  onComplete?: (results: InvitationResult[]) => void;
  /** Shows a cancel button. */
  onCancel?: () => void;
}

let nextKey = 1;

/**
 * Invite several people at once: one row per person (email + role, optional names and seats),
 * "+" adds a row, a pasted list or a CSV file fills rows. Each row is validated before sending and
 * gets its own server result (invited, already a member, invalid); sent rows lock, failed rows stay
 * editable for a second try.
 *
 * @example <InviteMembersForm onComplete={() => setOpen(false)} />
 */
export const InviteMembersForm = /* @__PURE__ */ withClassNames(forwardRef<HTMLFormElement, InviteMembersFormProps>(function InviteMembersForm(
  { className, defaultRole = 'member', defaultEmails, defaultSubscriptionIds = [], onSubmitted, onComplete, onCancel },
  ref,
) {
  const { messages, locale } = useSeatKit();
  const slot = useSlots();
  const t = messages.invite;
  const { member: me } = useCurrentMember();
  const canInvite = useCan('members:invite');
  const canSeats = useCan('seats:assign');
  const { options: roleOptions } = useRoleOptions();
  const subscriptions = useSubscriptions({ enabled: canSeats });
  // Every subscription is listed; the rows grey out the ones that hand out no seat (full, canceled, expired) with the reason.
  const reservable = canSeats ? (subscriptions.data?.items ?? []) : [];
  const create = useCreateInvitations();

  const makeRow = (email = '', extra: Partial<InviteRow> = {}): InviteRow => ({
    key: nextKey++,
    email,
    role: defaultRole,
    firstName: '',
    lastName: '',
    subscriptionIds: [...defaultSubscriptionIds],
    expanded: defaultSubscriptionIds.length > 0,
    ...extra,
  });
  const [rows, setRows] = useState<InviteRow[]>(() =>
    defaultEmails && defaultEmails.length > 0 ? defaultEmails.map((e) => makeRow(e)) : [makeRow()],
  );
  const [summary, setSummary] = useState('');
  const emailRefs = useRef(new Map<number, HTMLInputElement>());
  const addButtonRef = useRef<HTMLButtonElement>(null);
  const [focusKey, setFocusKey] = useState<number | null>(null);
  const formTitleId = useId();

  // Focus follows structural changes: a new row's email, or the first row needing attention.
  useEffect(() => {
    if (focusKey === null) return;
    emailRefs.current.get(focusKey)?.focus();
    setFocusKey(null);
  }, [focusKey]);

  const open = rows.filter((r) => r.result?.state !== 'sent');
  const update = (key: number, patch: Partial<InviteRow>) =>
    setRows((prev) => prev.map((r) => (r.key === key ? { ...r, ...patch } : r)));

  function addRow() {
    const last = rows[rows.length - 1];
    const row = makeRow('', { role: last?.role ?? defaultRole });
    setRows((prev) => [...prev, row]);
    setFocusKey(row.key);
  }

  function removeRow(key: number) {
    const index = rows.findIndex((r) => r.key === key);
    const remaining = rows.filter((r) => r.key !== key);
    setRows(remaining.length > 0 ? remaining : [makeRow()]);
    const neighbour = remaining[Math.max(0, index - 1)];
    if (neighbour) setFocusKey(neighbour.key);
    else addButtonRef.current?.focus();
  }

  /** Adds the addresses of a pasted list or a CSV file as rows, skipping ones already listed. */
  function addList(text: string): InviteListReport {
    const parsed = parseEmailList(text);
    const known = new Set(rows.map((r) => r.email.trim().toLowerCase()).filter(Boolean));
    const fallbackRole = rows[rows.length - 1]?.role ?? defaultRole;
    const roleKeys = new Set(roleOptions.filter((o) => !o.disabled).map((o) => o.value));
    const fresh = parsed.entries
      .filter((e) => !known.has(e.email))
      .map((e) =>
        makeRow(e.email, {
          role: e.role && roleKeys.has(e.role) ? e.role : fallbackRole,
          firstName: e.firstName ?? '',
          lastName: e.lastName ?? '',
          expanded: Boolean(e.firstName || e.lastName) || defaultSubscriptionIds.length > 0,
        }),
      );
    setRows((prev) => {
      // Blank rows give way to the list.
      const kept = prev.filter((r) => r.email.trim() !== '' || r.result);
      return [...kept, ...fresh].slice(0, LIMITS.batchSize);
    });
    return {
      added: fresh.length,
      problems: parsed.invalid.map((p) => format(t.pasteInvalid, { line: p.line, value: p.text })),
    };
  }

  function validate(list: InviteRow[]): InviteRow[] {
    const seen = new Map<string, number>();
    return list.map((row) => {
      if (row.result?.state === 'sent') return row;
      const email = row.email.trim().toLowerCase();
      let error: string | undefined;
      if (!email) error = t.emailRequired;
      else if (!normalizeEmail(email)) error = t.emailInvalid;
      else if (seen.has(email)) error = t.emailDuplicate;
      seen.set(email, row.key);
      const nameErrors: InviteRow['nameErrors'] = {};
      for (const field of ['firstName', 'lastName'] as const) {
        const value = row[field];
        // Names are optional here: only a given name is checked.
        if (value.trim() !== '') nameErrors[field] = nameError(value, messages, locale);
      }
      return { ...row, error, nameErrors };
    });
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!canInvite || create.isPending) return;
    const checked = validate(rows);
    setRows(checked);
    const invalid = checked.find((r) => r.result?.state !== 'sent' && (r.error || r.nameErrors?.firstName || r.nameErrors?.lastName));
    if (invalid) {
      setFocusKey(invalid.key);
      return;
    }
    const toSend = checked.filter((r) => r.result?.state !== 'sent');
    if (toSend.length === 0) return;
    const invitations: InvitationInput[] = toSend.map((r) => ({
      email: r.email.trim(),
      role: r.role,
      ...(r.firstName.trim() && { firstName: r.firstName.trim() }),
      ...(r.lastName.trim() && { lastName: r.lastName.trim() }),
      ...(r.subscriptionIds.length > 0 && { subscriptionIds: r.subscriptionIds }),
    }));
    let results: InvitationResult[];
    try {
      ({ results } = await create.mutateAsync({ invitations }));
    } catch {
      return; // shown by the ErrorState below
    }
    const byKey = new Map(toSend.map((r, i) => [r.key, results[i]]));
    const next = checked.map((row) => {
      const result = byKey.get(row.key);
      if (!result) return row;
      return result.ok
        ? { ...row, result: { state: 'sent' as const, pending: result.alreadyInvited === true }, error: undefined }
        : {
            ...row,
            result: { state: 'failed' as const, code: result.error.code, message: itemErrorText(result.error.code, result.error.message, messages) },
          };
    });
    setRows(next);
    const failed = results.filter((r) => !r.ok).length;
    // Someone already invited got no email: not counted as sent (their row says so).
    const sent = results.filter((r) => r.ok && !r.alreadyInvited).length;
    setSummary(format(t.summary, { sent, failed }, locale));
    onSubmitted?.(results);
    const firstFailed = next.find((r) => r.result?.state === 'failed');
    if (firstFailed) setFocusKey(firstFailed.key);
    else onComplete?.(results);
  }

  const atLimit = rows.length >= LIMITS.batchSize;

  return (
    <form
      ref={ref}
      onSubmit={submit}
      noValidate
      aria-labelledby={formTitleId}
      {...slot('invite-form', 'seatkit-root seatkit-invite-form', className)}
      data-state={create.isPending ? 'submitting' : 'idle'}
    >
      <span id={formTitleId} {...slot('invite-title', 'seatkit-visually-hidden')}>
        {t.title}
      </span>
      {!canInvite && me !== undefined ? <DisabledReason reason={t.noPermission} /> : null}

      <ol {...slot('invite-rows')}>
        {rows.map((row, index) => (
          <InviteRowItem
            key={row.key}
            row={row}
            index={index}
            roleOptions={roleOptions}
            reservable={reservable}
            onChange={update}
            onRemove={removeRow}
            emailRef={(node) => {
              if (node) emailRefs.current.set(row.key, node);
              else emailRefs.current.delete(row.key);
            }}
          />
        ))}
      </ol>

      <InviteListTools atLimit={atLimit} addButtonRef={addButtonRef} onAddRow={addRow} onAddList={addList} />

      {create.isError ? <ErrorState size="inline" error={create.error} title={t.errorTitle} /> : null}
      <p role="status" aria-live="polite" {...slot('invite-summary', 'seatkit-invite-result')}>
        {summary}
      </p>

      <div {...slot('dialog-footer')}>
        {onCancel ? <Button onClick={onCancel}>{messages.common.cancel}</Button> : null}
        <Button
          type="submit"
          variant="primary"
          loading={create.isPending}
          disabledReason={!canInvite && me !== undefined ? t.noPermission : null}
          disabled={open.length === 0}
        >
          {/* With every row sent the button is disabled; it keeps its singular label rather than "Send 0 invitations". */}
          {create.isPending ? t.sending : format(t.submit, { count: Math.max(open.length, 1) }, locale)}
        </Button>
      </div>
    </form>
  );
}));
