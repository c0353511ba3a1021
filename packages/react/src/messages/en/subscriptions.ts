/** `SubscriptionList` and `SeatHolderList`. */
export const subscriptions = {
  title: 'Subscriptions',
  status: {
    active: 'Active',
    past_due: 'Payment overdue',
    canceled: 'Canceled',
  },
  expired: 'Expired',
  /** An active (or past-due) subscription's next renewal. */
  renews: 'Renews {date}',
  /** A canceled subscription's last day. */
  ends: 'Ends {date}',
  expiredOn: 'Expired {date}',
  noExpiry: 'No end date',
  usageLabel: 'Seat usage of {product}',
  usageText: '{used} of {total} seats in use: {assigned} assigned, {reserved} reserved',
  assigned: 'Assigned',
  reserved: 'Reserved',
  available: 'Available',
  requested: 'Requested',
  /** Seats unused for the reclaim policy's days (else 30). */
  idle: 'Idle {days}+ days',
  assignSeat: 'Assign seat',
  assignSeatLabel: 'Assign seat of {product}',
  reclaimLabel: 'Reclaim idle seats of {product}',
  full: 'All seats of this subscription are in use. Unassign someone or add seats.',
  /** Why a dead subscription hands out no seat (core's `canHandOutSeats`): assign buttons, pickers and notices. */
  refused: {
    canceled: 'This subscription was canceled, so its seats cannot be handed out.',
    expired: 'This subscription has expired, so its seats cannot be handed out.',
  },
  pastDue: 'The payment for this subscription is overdue: seats can still be handed out, but they give access only once it is active again.',
  showHolders: 'Show seat holders ({count})',
  hideHolders: 'Hide seat holders',
  emptyTitle: 'No subscriptions',
  emptyDescription: 'This organization has not purchased any product yet.',
  errorTitle: 'Could not load subscriptions',
  // SeatHolderList
  holdersTitle: 'Seat holders of {product}',
  holdersLabel: 'Seat holders',
  assignedOn: 'Since {date}',
  unassign: 'Unassign',
  unassignLabel: 'Unassign {name}',
  unassignTitle: 'Take the seat back from {name}?',
  unassignDescription: '{name} loses access to {product} at once. The seat becomes free for someone else.',
  unassignConfirm: 'Unassign seat',
  unassigned: 'The seat of {name} was released.',
  unassignFailed: 'Could not unassign {name}: {reason}',
  holdersEmptyTitle: 'Nobody holds a seat yet',
  holdersEmptyDescription: 'Assign seats to give people access.',
  holdersErrorTitle: 'Could not load the seat holders',
  loadMore: 'Load more',
};
