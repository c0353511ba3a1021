/**
 * `@seatkit/react`: the provider, TanStack Query factories and hooks, and the components of a
 * "users and licenses" admin area. Named exports only, one line (or block) per file.
 */

// ---------------------------------------------------------------- foundations
export { SeatKitProvider, useSeatKit } from './provider.js';
export type { SeatKitContextValue, SeatKitProviderProps } from './provider.js';
export type { SeatKitDirection } from './ui/direction.js';
export { seatkitKeys } from './query-keys.js';
export type { AuditEventFilters, IdleSeatFilters, InvitationListFilters, MemberListFilters, SeatRequestListFilters } from './query-keys.js';
export { seatkitQueries } from './queries.js';
export type { SeatKitClassNames, SeatKitSlot, SlotProps } from './ui/class-names.js';
export { en, fr, format, mergeMessages } from './messages/index.js';
export type { FormatValues, Messages, MessagesOverride } from './messages/index.js';
export {
  memberName as formatMemberName, refusalText as formatRefusal, roleLabel as formatRoleName,
} from './messages/formatters.js';
export type { Decision } from './messages/formatters.js';
// The member rules are core's policy, the module the server enforces; these names stay for compatibility.
export { memberPolicy as memberActionState } from '@seatkit/core';
export type { MemberAction, MemberDecision as MemberActionState } from '@seatkit/core';

// ---------------------------------------------------------------- hooks: reads
export { useMe } from './hooks/use-me.js';
export { readLastOrganization, rememberLastOrganization, useLastOrganization } from './hooks/use-last-organization.js';
export type { LastOrganizationResult } from './hooks/use-last-organization.js';
export { useOrganization } from './hooks/use-organization.js';
export { useMembers } from './hooks/use-members.js';
export { useMember } from './hooks/use-member.js';
export { useInvitationPreview, useInvitations } from './hooks/use-invitations.js';
export { useRoles } from './hooks/use-roles.js';
export { useSubscriptions } from './hooks/use-subscriptions.js';
export { useSeats } from './hooks/use-seats.js';
export { useAccess } from './hooks/use-access.js';
export type { UseAccessOptions } from './hooks/use-access.js';
export { useApproveSeatRequest, useDenySeatRequest, useRequestSeat, useSeatRequests } from './hooks/use-seat-requests.js';
export type { RequestSeatVariables, ResolveSeatRequestVariables } from './hooks/use-seat-requests.js';
export { useSeatUsage } from './hooks/use-seat-usage.js';
export type { UseSeatUsageOptions } from './hooks/use-seat-usage.js';
export { useIdleSeats, useReclaimSeats, useSetReclaimPolicy } from './hooks/use-idle-seats.js';
export type { ReclaimSeatsVariables, SetReclaimPolicyVariables } from './hooks/use-idle-seats.js';
export { useAuditEvents } from './hooks/use-audit-events.js';
export { useCan, useCurrentMember, usePermissions } from './hooks/use-current-member.js';
export type { SeatKitQueryHookOptions } from './hooks/use-org-id.js';
export type { SeatKitMutationHookOptions } from './hooks/use-mutation-context.js';

// ---------------------------------------------------------------- hooks: mutations
export { useAddMember } from './hooks/use-add-member.js';
export type { AddMemberVariables } from './hooks/use-add-member.js';
export { useUpdateMember } from './hooks/use-update-member.js';
export type { UpdateMemberVariables } from './hooks/use-update-member.js';
export { useRemoveMember } from './hooks/use-remove-member.js';
export type { RemoveMemberVariables } from './hooks/use-remove-member.js';
export { useTransferOwnership } from './hooks/use-transfer-ownership.js';
export { useUpdateOrganization } from './hooks/use-update-organization.js';
export type { UpdateOrganizationVariables } from './hooks/use-update-organization.js';
export type { TransferOwnershipVariables } from './hooks/use-transfer-ownership.js';
export { useCreateInvitations } from './hooks/use-create-invitations.js';
export type { CreateInvitationsVariables } from './hooks/use-create-invitations.js';
export { useAcceptInvitation, useResendInvitation, useRevokeInvitation } from './hooks/use-invitation-mutations.js';
export type { InvitationVariables } from './hooks/use-invitation-mutations.js';
export { useCreateRole, useDeleteRole, useUpdateRole } from './hooks/use-role-mutations.js';
export { useAssignSeats, useUnassignSeat } from './hooks/use-seat-mutations.js';
export type { AssignSeatsVariables, UnassignSeatVariables } from './hooks/use-seat-mutations.js';

// ---------------------------------------------------------------- ui primitives
export {
  AlertDialog, AlertDialogAction, AlertDialogCancel, AlertDialogContent, AlertDialogDescription, AlertDialogTitle, AlertDialogTrigger,
  Badge, Button, Checkbox, DisabledReason, Dialog, DialogBody, DialogClose, DialogContent, DialogDescription, DialogFooter,
  DialogHeader, DialogTitle, DialogTrigger, EmptyState, ErrorState, Field, IconButton, Input, LoadingState, Select, Spinner,
  TextField, Textarea, VisuallyHidden,
} from './ui/index.js';
export type {
  BadgeProps, ButtonProps, CheckboxProps, DialogContentProps, DisabledReasonProps, EmptyStateProps, ErrorStateProps,
  FieldControlProps, FieldProps, IconButtonProps, LoadingStateProps, SelectOption, SelectProps, SpinnerProps, TextFieldProps,
} from './ui/index.js';

// ---------------------------------------------------------------- components: members
export { AccountUsersPage } from './components/account-users-page.js';
export type { AccountUsersPageProps } from './components/account-users-page.js';
export { OrganizationLanguage } from './components/organization-language.js';
export type { OrganizationLanguageProps } from './components/organization-language.js';
export { AddMemberDialog } from './components/add-member-dialog.js';
export type { AddMemberDialogProps } from './components/add-member-dialog.js';
export { EditMemberDialog } from './components/edit-member-dialog.js';
export type { EditMemberDialogProps } from './components/edit-member-dialog.js';
export { InviteMembersDialog } from './components/invite-members-dialog.js';
export type { InviteMembersDialogProps } from './components/invite-members-dialog.js';
export { InviteMembersForm } from './components/invite-members-form.js';
export type { InviteMembersFormProps } from './components/invite-members-form.js';
export { PermissionGrants } from './components/permission-grants.js';
export type { PermissionGrantsProps } from './components/permission-grants.js';
export { MemberList } from './components/member-list.js';
export type { MemberListProps } from './components/member-list.js';
export { RemoveMemberDialog } from './components/remove-member-dialog.js';
export type { RemoveMemberDialogProps } from './components/remove-member-dialog.js';
export { TransferOwnershipDialog } from './components/transfer-ownership-dialog.js';
export type { TransferOwnershipDialogProps } from './components/transfer-ownership-dialog.js';
// ---------------------------------------------------------------- components: invitations, seats, access
export { AccessGate } from './components/access-gate.js';
export type { AccessDenied, AccessGateProps } from './components/access-gate.js';
export { AcceptInvitation } from './components/accept-invitation.js';
export type { AcceptInvitationProps, AcceptInvitationState } from './components/accept-invitation.js';
export { InvitationList } from './components/invitation-list.js';
export type { InvitationListProps, InvitationStatusFilter } from './components/invitation-list.js';
export { SubscriptionList } from './components/subscription-list.js';
export type { SubscriptionListProps } from './components/subscription-list.js';
export { SeatRequestList } from './components/seat-request-list.js';
export type { SeatRequestListProps } from './components/seat-request-list.js';
export { SeatUsageChart, seatSuggestion } from './components/seat-usage-chart.js';
export type { SeatUsageChartProps } from './components/seat-usage-chart.js';
export { AuditLog } from './components/audit-log.js';
export type { AuditLogFilters, AuditLogProps } from './components/audit-log.js';
export { RoleEditor } from './components/role-editor.js';
export type { RoleEditorProps } from './components/role-editor.js';
export { ReclaimSeatsDialog } from './components/reclaim-seats-dialog.js';
export type { ReclaimSeatsDialogProps } from './components/reclaim-seats-dialog.js';
export { SeatHolderList } from './components/seat-holder-list.js';
export type { SeatHolderListProps } from './components/seat-holder-list.js';
export { AssignSeatDialog } from './components/assign-seat-dialog.js';
export type { AssignSeatDialogProps } from './components/assign-seat-dialog.js';
export { OrganizationSwitcher } from './components/organization-switcher.js';
export type { OrganizationSwitcherProps } from './components/organization-switcher.js';
