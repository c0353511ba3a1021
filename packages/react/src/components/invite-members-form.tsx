'use client';

import {
  can,
  LIMITS,
  normalizeEmail,
  parseEmailList,
  type InvitationInput,
  type InvitationResult,
} from '@seatkit/core';
import { forwardRef, useEffect, useId, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { useCreateInvitations } from '../hooks/use-create-invitations.js';
import { useCurrentMember } from '../hooks/use-current-member.js';
import { useSubscriptions } from '../hooks/use-subscriptions.js';
import { format } from '../messages/format.js';
import type { Messages } from '../messages/types.js';
import { useSeatKit } from '../provider.js';
import { Badge } from '../ui/badge.js';
import { Button, IconButton } from '../ui/button.js';
import { withClassNames, useSlots, type SeatKitClassNames } from '../ui/class-names.js';
import { DisabledReason } from '../ui/disabled-reason.js';
import { ErrorState } from '../ui/error-state.js';
import { Checkbox, Field, Input, Textarea, TextField } from '../ui/field.js';
import { CheckIcon, PlusIcon, UploadIcon, XIcon } from '../ui/icons.js';
import { Select } from '../ui/select.js';
import { nameError, useRoleOptions } from './member-helpers.js';

/** One person in the form. */
interface InviteRow {
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

/** The sentence for one failed row: the localized code, else the server's message. */
function itemErrorMessage(code: string, message: string, messages: Messages): string {
  return (messages.common.errors as Record<string, string>)[code] ?? message;
}

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
  const canInvite = can(me?.permissions, 'members:invite');
  const canSeats = can(me?.permissions, 'seats:assign');
  const { options: roleOptions } = useRoleOptions();
  const subscriptions = useSubscriptions({ enabled: canSeats });
  const reservable = (subscriptions.data?.items ?? []).filter((s) => s.status === 'active');
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
  const [pasteOpen, setPasteOpen] = useState(false);
  const [pasteText, setPasteText] = useState('');
  const [pasteReport, setPasteReport] = useState<{ added: number; problems: string[] } | null>(null);
  const emailRefs = useRef(new Map<number, HTMLInputElement>());
  const addButtonRef = useRef<HTMLButtonElement>(null);
  const [focusKey, setFocusKey] = useState<number | null>(null);
  const fileId = useId();
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
  function addList(text: string) {
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
    setPasteReport({
      added: fresh.length,
      problems: parsed.invalid.map((p) => format(t.pasteInvalid, { line: p.line, value: p.text })),
    });
    if (fresh.length > 0) setPasteText('');
  }

  async function onFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.currentTarget.files?.[0];
    event.currentTarget.value = '';
    if (file) addList(await file.text());
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
            result: { state: 'failed' as const, code: result.error.code, message: itemErrorMessage(result.error.code, result.error.message, messages) },
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
        {rows.map((row, index) => {
          const sent = row.result?.state === 'sent';
          const failed = row.result?.state === 'failed';
          const label = format(t.rowLabel, { index: index + 1 });
          const failMessage = row.result?.state === 'failed' ? format(t.resultFailed, { reason: row.result.message }) : undefined;
          return (
            <li
              key={row.key}
              {...slot('invite-row')}
              data-state={sent ? 'sent' : failed ? 'failed' : row.error ? 'invalid' : 'editing'}
              aria-label={label}
            >
              <div {...slot('invite-row-main')}>
                <Field label={t.email} error={row.error ?? failMessage} required>
                  {(control) => (
                    <Input
                      {...control}
                      ref={(node) => {
                        if (node) emailRefs.current.set(row.key, node);
                        else emailRefs.current.delete(row.key);
                      }}
                      type="email"
                      autoComplete="off"
                      value={row.email}
                      readOnly={sent}
                      aria-label={`${t.email} (${label})`}
                      onChange={(e) => update(row.key, { email: e.currentTarget.value, error: undefined, result: undefined })}
                    />
                  )}
                </Field>
                <Select
                  label={t.role}
                  aria-label={`${t.role} (${label})`}
                  options={roleOptions}
                  value={row.role}
                  disabled={sent}
                  onChange={(e) => update(row.key, { role: e.currentTarget.value })}
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
                      <Button
                        size="sm"
                        variant="ghost"
                        aria-expanded={row.expanded}
                        onClick={() => update(row.key, { expanded: !row.expanded })}
                      >
                        {t.namesToggle}
                      </Button>
                      <IconButton
                        size="sm"
                        label={format(t.removeRow, { index: index + 1 })}
                        icon={<XIcon />}
                        onClick={() => removeRow(row.key)}
                      />
                    </>
                  )}
                </div>
              </div>
              {row.expanded && !sent ? (
                <div {...slot('invite-row-extra')}>
                  <TextField
                    label={t.firstName}
                    aria-label={`${t.firstName} (${label})`}
                    value={row.firstName}
                    autoComplete="off"
                    error={row.nameErrors?.firstName}
                    onChange={(e) => update(row.key, { firstName: e.currentTarget.value })}
                  />
                  <TextField
                    label={t.lastName}
                    aria-label={`${t.lastName} (${label})`}
                    value={row.lastName}
                    autoComplete="off"
                    error={row.nameErrors?.lastName}
                    onChange={(e) => update(row.key, { lastName: e.currentTarget.value })}
                  />
                  {canSeats && reservable.length > 0 ? (
                    <fieldset {...slot('invite-seats', 'seatkit-fieldset')}>
                      <legend {...slot('invite-seats-legend', 'seatkit-field-label')}>{t.seats}</legend>
                      {reservable.map((s) => (
                        <Checkbox
                          key={s.id}
                          label={format(t.seatOption, { product: s.product.name, available: s.seats.available }, locale)}
                          aria-label={`${s.product.name} (${label})`}
                          checked={row.subscriptionIds.includes(s.id)}
                          disabled={s.seats.available <= 0 && !row.subscriptionIds.includes(s.id)}
                          onChange={(e) => {
                            const on = e.currentTarget.checked;
                            update(row.key, {
                              subscriptionIds: on ? [...row.subscriptionIds, s.id] : row.subscriptionIds.filter((id) => id !== s.id),
                            });
                          }}
                        />
                      ))}
                    </fieldset>
                  ) : null}
                </div>
              ) : null}
            </li>
          );
        })}
      </ol>

      <div {...slot('invite-tools')}>
        <Button
          ref={addButtonRef}
          size="sm"
          onClick={addRow}
          disabledReason={atLimit ? format(t.tooMany, { max: LIMITS.batchSize }) : null}
        >
          <PlusIcon /> {t.addRow}
        </Button>
        <Button size="sm" variant="ghost" aria-expanded={pasteOpen} onClick={() => setPasteOpen((o) => !o)}>
          {t.pasteToggle}
        </Button>
        <input id={fileId} type="file" accept=".csv,text/csv,text/plain" {...slot('invite-file-input', 'seatkit-file-input')} onChange={(e) => void onFile(e)} />
        <label htmlFor={fileId} {...slot('invite-upload', 'seatkit-button')} data-variant="ghost" data-size="sm">
          <UploadIcon /> {t.uploadCsv}
        </label>
      </div>

      {pasteOpen ? (
        <div {...slot('invite-paste', 'seatkit-paste')}>
          <Field label={t.pasteLabel} description={t.pasteHelp}>
            {(control) => (
              <Textarea {...control} rows={4} value={pasteText} onChange={(e) => setPasteText(e.currentTarget.value)} />
            )}
          </Field>
          <div>
            <Button size="sm" disabled={!pasteText.trim()} onClick={() => addList(pasteText)}>
              {t.pasteApply}
            </Button>
          </div>
        </div>
      ) : null}
      <div role="status" aria-live="polite" {...slot('invite-paste-report')}>
        {pasteReport ? (
          <>
            <p {...slot('invite-paste-added', 'seatkit-invite-result')}>{format(t.pasteAdded, { count: pasteReport.added }, locale)}</p>
            {pasteReport.problems.length > 0 ? (
              <ul {...slot('invite-paste-problems', 'seatkit-paste-problems')}>
                {pasteReport.problems.map((p) => (
                  <li key={p} {...slot('invite-paste-problem')}>
                    {p}
                  </li>
                ))}
              </ul>
            ) : null}
          </>
        ) : null}
      </div>

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
