'use client';

import {
  createContext,
  forwardRef,
  useContext,
  useMemo,
  type ComponentType,
  type ReactNode,
} from 'react';
import { cx } from './cx.js';
import { DirectionContext, type SeatKitDirection } from './direction.js';

/**
 * Every part of the kit that can be styled, by its `data-slot` value. Read a slot's name off the
 * DOM (`data-slot="member-row"`) and use it as the key of `classNames`.
 */
export type SeatKitSlot =
  // ui primitives
  | 'alert-dialog-content' | 'alert-dialog-description' | 'alert-dialog-overlay' | 'alert-dialog-title'
  | 'badge' | 'button' | 'checkbox' | 'checkbox-field' | 'checkbox-label'
  | 'dialog-body' | 'dialog-close' | 'dialog-content' | 'dialog-description' | 'dialog-footer'
  | 'dialog-header' | 'dialog-overlay' | 'dialog-title'
  | 'disabled-reason' | 'empty-state' | 'empty-state-title' | 'empty-state-description' | 'empty-state-action'
  | 'error-state' | 'error-state-title' | 'error-state-message' | 'error-state-request-id'
  | 'field' | 'field-description' | 'field-error' | 'field-label' | 'input' | 'textarea' | 'select'
  | 'icon' | 'loading-state' | 'spinner' | 'visually-hidden'
  // AcceptInvitation
  | 'accept-invitation' | 'accept-invitation-accept' | 'accept-invitation-account'
  | 'accept-invitation-confirmation' | 'accept-invitation-title'
  | 'accept-invitation-actions' | 'accept-invitation-message' | 'accept-invitation-meta'
  // AccessGate
  | 'access-gate' | 'access-gate-actions' | 'access-gate-message' | 'access-gate-reason'
  | 'access-gate-reason-label' | 'access-gate-request' | 'access-gate-request-sent' | 'access-gate-title'
  | 'access-gate-request-denied' | 'access-gate-request-error'
  // SeatRequestList
  | 'seat-request-list' | 'seat-request-toolbar' | 'seat-request-items' | 'seat-request' | 'seat-request-select'
  | 'seat-request-main' | 'seat-request-who' | 'seat-request-name' | 'seat-request-email' | 'seat-request-what'
  | 'seat-request-note' | 'seat-request-label' | 'seat-request-actions' | 'seat-request-status' | 'seat-request-more'
  // SeatUsageChart
  | 'seat-usage-chart' | 'seat-usage-toolbar' | 'seat-usage-items' | 'seat-usage' | 'seat-usage-title'
  | 'seat-usage-summary' | 'seat-usage-suggestion' | 'seat-usage-rule' | 'seat-usage-plot' | 'seat-usage-svg'
  | 'seat-usage-y-tick' | 'seat-usage-x-tick' | 'seat-usage-legend' | 'seat-usage-legend-item' | 'seat-usage-swatch'
  | 'seat-usage-toggle' | 'seat-usage-table-wrap' | 'seat-usage-table'
  // AuditLog
  | 'audit-log' | 'audit-log-toolbar' | 'audit-log-filters' | 'audit-log-actions' | 'audit-log-status' | 'audit-log-items'
  | 'audit-log-more' | 'audit-log-no-permission' | 'audit-event' | 'audit-event-main' | 'audit-event-sentence'
  | 'audit-event-time' | 'audit-event-toggle' | 'audit-event-data' | 'audit-event-entry' | 'audit-event-key' | 'audit-event-value'
  // RoleEditor
  | 'role-editor' | 'role-editor-toolbar' | 'role-editor-section' | 'role-editor-section-title' | 'role-editor-help'
  | 'role-editor-items' | 'role-editor-role' | 'role-editor-role-main' | 'role-editor-role-who' | 'role-editor-role-name'
  | 'role-editor-role-key' | 'role-editor-permissions' | 'role-editor-permission' | 'role-editor-actions'
  | 'role-editor-status' | 'role-editor-read-only' | 'role-editor-in-use' | 'role-editor-form' | 'role-editor-form-title'
  | 'role-editor-form-row' | 'role-editor-permissions-field' | 'role-editor-form-actions'
  | 'role-editor-permissions-legend' | 'role-editor-permissions-help' | 'role-editor-permissions-grid'
  // ReclaimSeatsDialog
  | 'reclaim-seats-dialog' | 'reclaim-seats-read-only' | 'reclaim-seats-period' | 'reclaim-seats-table-wrap'
  | 'reclaim-seats-table' | 'reclaim-seats-caption' | 'reclaim-seats-select' | 'reclaim-seats-row' | 'reclaim-seats-holder'
  | 'reclaim-seats-name' | 'reclaim-seats-email' | 'reclaim-seats-date' | 'reclaim-seats-count' | 'reclaim-seats-more'
  | 'reclaim-seats-notice' | 'reclaim-seats-status' | 'reclaim-seats-not-found' | 'reclaim-seats-policy'
  | 'reclaim-seats-policy-title' | 'reclaim-seats-policy-state' | 'reclaim-seats-policy-form' | 'reclaim-seats-policy-fields'
  | 'reclaim-seats-policy-actions' | 'reclaim-seats-policy-status'
  // AccountUsersPage
  | 'account-users-page' | 'account-users-header' | 'account-users-invitations' | 'account-users-members'
  | 'account-users-subscriptions' | 'account-users-requests' | 'account-users-roles'
  | 'account-users-title' | 'account-users-description' | 'account-users-actions' | 'account-users-section-title'
  | 'account-users-settings'
  // OrganizationLanguage
  | 'organization-language' | 'organization-language-form' | 'organization-language-status'
  // AddMemberDialog, EditMemberDialog, RemoveMemberDialog, TransferOwnershipDialog, PermissionGrants
  | 'add-member-dialog' | 'add-member-form' | 'edit-member-dialog' | 'edit-member-form'
  | 'remove-member-dialog' | 'remove-member-losses' | 'transfer-ownership-dialog' | 'transfer-ownership-form'
  | 'add-member-form-row' | 'edit-member-form-row' | 'remove-member-loss' | 'remove-member-notice'
  | 'transfer-ownership-consequence' | 'transfer-ownership-no-candidates'
  | 'permission-grants'
  | 'permission-grants-grid' | 'permission-grants-help' | 'permission-grants-legend'
  // AssignSeatDialog
  | 'assign-seat-dialog' | 'assign-seat-full' | 'assign-seat-invite' | 'assign-seat-left' | 'assign-seat-list'
  | 'assign-seat-no-permission' | 'assign-seat-people' | 'assign-seat-person' | 'assign-seat-results'
  | 'assign-seat-selection' | 'assign-seat-usage'
  | 'assign-seat-counts' | 'assign-seat-empty' | 'assign-seat-inactive' | 'assign-seat-invite-actions'
  | 'assign-seat-invite-description' | 'assign-seat-invite-form' | 'assign-seat-invite-outcome' | 'assign-seat-invite-row'
  | 'assign-seat-more' | 'assign-seat-no-subscriptions' | 'assign-seat-people-legend' | 'assign-seat-person-email'
  | 'assign-seat-person-label' | 'assign-seat-person-name' | 'assign-seat-result' | 'assign-seat-results-list'
  | 'assign-seat-results-summary' | 'assign-seat-search' | 'assign-seat-search-icon' | 'assign-seat-search-label'
  | 'assign-seat-past-due'
  // InvitationList
  | 'invitation-list' | 'invitation-announcement' | 'invitation-revoke-dialog' | 'invitation-row'
  | 'invitation-table' | 'invitation-table-wrap' | 'invitation-toolbar'
  | 'invitation-caption' | 'invitation-header-cell' | 'invitation-cell' | 'invitation-email' | 'invitation-name'
  | 'invitation-load-more'
  // InviteMembersForm, InviteMembersDialog
  | 'invite-dialog' | 'invite-form' | 'invite-paste' | 'invite-paste-report' | 'invite-row' | 'invite-rows'
  | 'invite-summary' | 'invite-upload'
  | 'invite-done' | 'invite-file-input' | 'invite-paste-added' | 'invite-paste-problem' | 'invite-paste-problems'
  | 'invite-row-actions' | 'invite-row-extra' | 'invite-row-main' | 'invite-seats' | 'invite-seats-legend' | 'invite-title'
  | 'invite-tools'
  | 'add-member-status' | 'invite-status' | 'status-message'
  // MemberList
  | 'member-list' | 'member-announcement' | 'member-bulk-bar' | 'member-header-row' | 'member-list-scroll'
  | 'member-loader-row' | 'member-row' | 'member-table' | 'member-table-body' | 'member-table-head'
  | 'member-toolbar' | 'member-export'
  | 'member-search' | 'member-search-label' | 'member-search-icon' | 'member-bulk-count' | 'member-bulk-remove-list'
  | 'member-header-cell' | 'member-cell' | 'member-name' | 'member-email' | 'member-loading-more' | 'member-action-label'
  // OrganizationSwitcher
  | 'org-switcher' | 'org-switcher-content' | 'org-switcher-current' | 'org-switcher-list' | 'org-switcher-option'
  | 'org-switcher-panel' | 'org-switcher-role' | 'org-switcher-search' | 'org-switcher-trigger'
  | 'org-switcher-chevron' | 'org-switcher-no-matches' | 'org-switcher-option-check' | 'org-switcher-option-name'
  | 'org-switcher-option-role' | 'org-switcher-option-text' | 'org-switcher-search-field' | 'org-switcher-search-icon'
  // SubscriptionList, SeatHolderList
  | 'subscription-list' | 'subscription' | 'subscription-actions' | 'subscription-expiry' | 'subscription-items'
  | 'subscription-status' | 'subscription-title' | 'seat-counts' | 'seat-meter'
  | 'subscription-card' | 'subscription-head' | 'subscription-holders' | 'seat-meter-assigned' | 'seat-meter-reserved'
  | 'seat-count' | 'seat-count-label' | 'seat-count-value'
  | 'seat-holder-who' | 'seat-holder-name' | 'seat-holder-email' | 'seat-holder-since' | 'seat-holder-announcement'
  | 'seat-holder-load-more'
  | 'seat-holder-list' | 'seat-holder' | 'seat-holder-items' | 'seat-unassign-dialog';

/**
 * Class names for the kit's parts, keyed by `data-slot`: `{ 'member-row': 'hover:bg-muted', button: 'rounded-full' }`.
 * Given to `SeatKitProvider` they apply everywhere; given to a component they apply to its parts
 * (and the parts of the components inside it). Both apply, after the kit's own `seatkit-*` class.
 */
export type SeatKitClassNames = Partial<Record<SeatKitSlot, string>>;

// The chain of maps from the provider inward. Looked up per slot (never spread), so any object works.
const ClassNamesContext = createContext<readonly SeatKitClassNames[]>([]);

/** Adds `classNames` to the maps the parts inside apply. */
export function ClassNamesScope({ classNames, children }: { classNames: SeatKitClassNames | undefined; children?: ReactNode }) {
  const parent = useContext(ClassNamesContext);
  const chain = useMemo(() => (classNames ? [...parent, classNames] : parent), [parent, classNames]);
  return chain === parent ? <>{children}</> : <ClassNamesContext.Provider value={chain}>{children}</ClassNamesContext.Provider>;
}

/**
 * The props of one part: its `data-slot` and its classes: the kit's (`base`, by default
 * `seatkit-<slot>`), the host's for that slot, then `extra`. A root of the kit (`seatkit-root` in `base`) also takes the
 * provider's `dir`.
 */
export type SlotProps = (
  slot: SeatKitSlot,
  base?: string,
  extra?: string,
) => { 'data-slot': SeatKitSlot; className: string | undefined; dir?: SeatKitDirection };

// The elements the kit's theme applies to (`.seatkit-root`) are the ones its direction applies to: each component's
// outermost element, and the dialogs portalled into <body> (outside any element of the host's).
const isRoot = (base: string | undefined) => base !== undefined && /(?:^|\s)seatkit-root(?:\s|$)/.test(base);

/**
 * Returns `slot(name, base?, extra?)`, which gives a part its `data-slot` and class names. The kit's
 * class is `seatkit-<name>` unless `base` names others (parts that share a style, e.g. `seatkit-notice`).
 *
 * @example const slot = useSlots(); <li {...slot('member-row')} /> // data-slot="member-row" class="seatkit-member-row"
 */
export function useSlots(): SlotProps {
  const chain = useContext(ClassNamesContext);
  const dir = useContext(DirectionContext);
  return useMemo<SlotProps>(
    () => (slot, base, extra) => ({
      'data-slot': slot,
      className: cx(base ?? `seatkit-${slot}`, ...chain.map((classNames) => classNames[slot]), extra) || undefined,
      ...(dir && isRoot(base) && { dir }),
    }),
    [chain, dir],
  );
}

/**
 * Wraps a component so its `classNames` prop reaches every part inside it, including the ui
 * primitives and the components it composes. Forwards the ref.
 */
export function withClassNames<C extends ComponentType<never>>(Component: C): C {
  const Inner = Component as unknown as ComponentType<Record<string, unknown>>;
  const Scoped = forwardRef<unknown, { classNames?: SeatKitClassNames }>(function Scoped(props, ref) {
    return (
      <ClassNamesScope classNames={props.classNames}>
        <Inner {...props} ref={ref} />
      </ClassNamesScope>
    );
  });
  const named = Component as { displayName?: string; name?: string; render?: { name?: string } };
  Scoped.displayName = named.displayName ?? named.render?.name ?? named.name;
  return Scoped as unknown as C;
}
