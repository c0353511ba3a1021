/**
 * `AuditLog`: the organization's audit trail, one sentence per event. Each action has its own sentence template
 * with named placeholders, so a language can order the words its own way; `{actor}` and the other names are
 * filled in from the members list (else the email the event kept, else `someone`/`someoneActor`).
 */
export const audit = {
  title: 'Audit log',
  filtersLabel: 'Filter the audit log',
  actorLabel: 'Done by',
  actorAny: 'Anyone',
  actionLabel: 'Action',
  actionAny: 'Any action',
  targetLabel: 'Member affected',
  targetAny: 'Any member',
  fromLabel: 'From',
  toLabel: 'To',
  rangeInvalid: 'The end date is before the start date.',
  clearFilters: 'Clear filters',
  /** Who did it when the event names nobody we know (the host's back office, the scheduler). */
  someoneActor: 'Someone',
  /** Anyone else the event names, when neither a name nor an email is known. */
  someone: 'someone',
  /** The plain-language name of each action, in the action filter. */
  actions: {
    member: {
      added: 'Member added',
      updated: 'Member changed',
      removed: 'Member removed',
    },
    invitation: {
      created: 'Invitation sent',
      resent: 'Invitation sent again',
      revoked: 'Invitation revoked',
      accepted: 'Invitation accepted',
    },
    seat: {
      assigned: 'Seat assigned',
      unassigned: 'Seat taken back',
      reserved: 'Seat reserved for an invitee',
      reclaimed: 'Idle seat reclaimed',
    },
    seat_request: {
      created: 'Seat requested',
      approved: 'Seat request approved',
      denied: 'Seat request denied',
    },
    role: {
      created: 'Role created',
      updated: 'Role changed',
      deleted: 'Role deleted',
    },
    organization: {
      created: 'Organization created',
      updated: 'Organization settings changed',
      ownership_transferred: 'Ownership transferred',
    },
    subscription: {
      created: 'Subscription added',
      updated: 'Subscription changed',
      reclaim_policy_set: 'Idle-seat policy set',
    },
    webhook_endpoint: {
      created: 'Webhook endpoint added',
      updated: 'Webhook endpoint changed',
      deleted: 'Webhook endpoint deleted',
      secret_rotated: 'Webhook secret rotated',
    },
  },
  /** One sentence per action. Placeholders: {actor}, {target}, {member}, {email}, {role}, {product}, {name}, {url}, {from}, {to}. */
  sentences: {
    member: {
      added: '{actor} added {target} as {role}',
      updated: '{actor} changed the details of {target}',
      roleChanged: '{actor} changed the role of {target} from {from} to {to}',
      suspended: '{actor} suspended {target}',
      reactivated: '{actor} reactivated {target}',
      removed: '{actor} removed {target} from the organization',
    },
    invitation: {
      created: '{actor} invited {email} as {role}',
      resent: '{actor} sent the invitation to {email} again',
      revoked: '{actor} revoked the invitation to {email}',
      accepted: '{member} accepted the invitation and joined',
    },
    seat: {
      assigned: '{actor} assigned {product} to {target}',
      unassigned: '{actor} took the {product} seat back from {target}',
      reserved: '{actor} reserved a {product} seat for {email}',
      reclaimed: '{actor} reclaimed the idle {product} seat of {target}',
    },
    seat_request: {
      created: '{actor} asked for a seat of {product}',
      approved: '{actor} approved the request of {member} for {product}',
      denied: '{actor} denied the request of {member} for {product}',
    },
    role: {
      created: '{actor} created the role {role}',
      updated: '{actor} changed the role {role}',
      deleted: '{actor} deleted the role {role}',
    },
    organization: {
      created: 'The organization {name} was created',
      updated: '{actor} changed the organization’s settings',
      languageChanged: '{actor} changed the organization’s language from {from} to {to}',
      ownership_transferred: '{actor} transferred the ownership of the organization to {target}',
    },
    subscription: {
      created: '{actor} added a subscription to {product}',
      updated: '{actor} changed the subscription to {product}',
      reclaim_policy_set: '{actor} set the idle-seat policy of {product}',
    },
    webhook_endpoint: {
      created: '{actor} added the webhook endpoint {url}',
      updated: '{actor} changed the webhook endpoint {url}',
      deleted: '{actor} deleted the webhook endpoint {url}',
      secret_rotated: '{actor} rotated the signing secret of the webhook endpoint {url}',
    },
    /** An action this version of the kit does not know. */
    other: '{actor} did {action}',
  },
  details: 'Details',
  detailsLabel: 'Details of: {sentence}',
  requestId: 'Request ID',
  /** The export. */
  exportCsv: 'Export CSV',
  exported: '{count, plural, =0 {No events to export.} one {Exported # event.} other {Exported # events.}}',
  exportCapped: 'Exported the newest {count, plural, one {# event} other {# events}} only; narrow the filters to export the rest.',
  exportFailed: 'The export failed: {reason}',
  csvHeader: { time: 'Time (UTC)', actor: 'Done by', actorEmail: 'Email of who did it', action: 'Action', event: 'Event', targetType: 'Target type', targetId: 'Target ID', data: 'Data', requestId: 'Request ID' },
  emptyTitle: 'No events yet',
  emptyDescription: 'Changes to members, invitations, seats and roles are recorded here.',
  emptyFilteredTitle: 'No events match the filters',
  emptyFilteredDescription: 'Try other filters or a wider date range.',
  errorTitle: 'Could not load the audit log',
  noPermission: 'You need the “See the audit trail” permission to see the audit log.',
  loadMore: 'Show more events',
};
