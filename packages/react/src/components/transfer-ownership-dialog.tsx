'use client';

import type { Organization } from '@seatkit/core';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useCurrentMember } from '../hooks/use-current-member.js';
import { useMembers } from '../hooks/use-members.js';
import { useTransferOwnership } from '../hooks/use-transfer-ownership.js';
import { format } from '../messages/format.js';
import { useSeatKit } from '../provider.js';
import { Button } from '../ui/button.js';
import { withClassNames, useSlots, type SeatKitClassNames } from '../ui/class-names.js';
import { Dialog, DialogBody, DialogContent, DialogFooter } from '../ui/dialog.js';
import { ActionDialogTrigger, DialogHeading } from './dialog-parts.js';
import { ErrorState } from '../ui/error-state.js';
import { Input, Field } from '../ui/field.js';
import { Select } from '../ui/select.js';
import { LoadingState } from '../ui/spinner.js';
import { useControllableState } from '../ui/use-controllable-state.js';
import { useDebounced } from '../ui/use-debounced.js';
import { memberName } from './member-helpers.js';

export interface TransferOwnershipDialogProps {
  open?: boolean;
  defaultOpen?: boolean;
  onOpenChange?: (open: boolean) => void;
  /**
   * The element that opens the dialog (`asChild`). @default a "Transfer ownership" button, disabled
   * with the reason for anyone but the owner. `null` for none (controlled use).
   */
  trigger?: ReactNode | null;
  /** Called with the organization and its new owner. */
  onTransferred?: (organization: Organization) => void;
  /** Class of the dialog panel (`transfer-ownership-dialog`). */
  className?: string;
  /** Classes of the parts, keyed by `data-slot` (`transfer-ownership-form`, `transfer-ownership-consequence`, `select`, `button`, …). */
  classNames?: SeatKitClassNames;
}

/**
 * Hands the owner role (the organization's main contact) to another member; the current owner
 * stays on as an admin. Only the owner may do it. Candidates are searched on the server, so it
 * works in organizations of any size.
 */
export const TransferOwnershipDialog = /* @__PURE__ */ withClassNames(function TransferOwnershipDialog({
  open,
  defaultOpen,
  onOpenChange,
  trigger,
  onTransferred,
  className,
}: TransferOwnershipDialogProps) {
  const { messages } = useSeatKit();
  const slot = useSlots();
  const t = messages.transferOwnership;
  const { member: me } = useCurrentMember();
  const isOwner = me?.role === 'owner';
  const [isOpen, setOpen] = useControllableState(open, defaultOpen ?? false, onOpenChange);

  return (
    <Dialog open={isOpen} onOpenChange={setOpen}>
      <ActionDialogTrigger
        trigger={trigger}
        label={t.open}
        variant="secondary"
        refusal={me && !isOwner ? t.ownerOnly : null}
      />
      <DialogContent {...slot('transfer-ownership-dialog', undefined, className)} closeLabel={messages.common.close}>
        <DialogHeading title={t.title} description={t.description} />
        {isOpen ? (
          <TransferForm
            onCancel={() => setOpen(false)}
            onDone={(organization) => {
              setOpen(false);
              onTransferred?.(organization);
            }}
          />
        ) : null}
      </DialogContent>
    </Dialog>
  );
});

function TransferForm({ onCancel, onDone }: { onCancel: () => void; onDone: (organization: Organization) => void }) {
  const { messages } = useSeatKit();
  const slot = useSlots();
  const t = messages.transferOwnership;
  const { member: me } = useCurrentMember();
  const isOwner = me?.role === 'owner';
  const [search, setSearch] = useState('');
  const query = useDebounced(search.trim(), 250);
  const [memberId, setMemberId] = useState('');
  const [error, setError] = useState<string | null>(null);
  const transfer = useTransferOwnership();

  const candidates = useMembers({ query, status: 'active', limit: 50 }, { keepPreviousResults: true });
  const options = (candidates.data?.pages[0]?.items ?? [])
    .filter((m) => m.id !== me?.id && m.role !== 'owner')
    .map((m) => ({ value: m.id, label: `${memberName(m)} (${m.email})` }));
  const chosen = candidates.data?.pages[0]?.items.find((m) => m.id === memberId);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!isOwner) return;
    if (!memberId) {
      setError(t.choose);
      return;
    }
    setError(null);
    transfer.mutate({ memberId }, { onSuccess: onDone });
  }

  return (
    <form onSubmit={submit} noValidate {...slot('transfer-ownership-form')}>
      <DialogBody>
        <Field label={messages.members.searchLabel}>
          {(control) => (
            <Input {...control} type="search" value={search} placeholder={messages.members.searchPlaceholder} onChange={(e) => setSearch(e.currentTarget.value)} />
          )}
        </Field>
        {candidates.isPending ? (
          <LoadingState label={messages.common.loading} />
        ) : candidates.isError ? (
          <ErrorState size="inline" error={candidates.error} onRetry={() => void candidates.refetch()} />
        ) : options.length === 0 && !query ? (
          <p {...slot('transfer-ownership-no-candidates', 'seatkit-notice')}>{t.noCandidates}</p>
        ) : (
          <Select
            label={t.newOwner}
            placeholder={t.choose}
            options={options}
            value={memberId}
            required
            error={error}
            onChange={(e) => {
              setMemberId(e.currentTarget.value);
              setError(null);
            }}
          />
        )}
        {chosen ? (
          <p {...slot('transfer-ownership-consequence', 'seatkit-notice')} data-tone="warning">
            {format(t.consequence, { name: memberName(chosen) })}
          </p>
        ) : null}
        {transfer.isError ? <ErrorState size="inline" error={transfer.error} title={t.errorTitle} /> : null}
      </DialogBody>
      <DialogFooter>
        <Button onClick={onCancel}>{messages.common.cancel}</Button>
        <Button type="submit" variant="danger" loading={transfer.isPending} disabledReason={isOwner ? null : t.ownerOnly}>
          {transfer.isPending ? t.transferring : t.confirm}
        </Button>
      </DialogFooter>
    </form>
  );
}
