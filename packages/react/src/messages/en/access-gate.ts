/** `AccessGate`. The title and message are the help center's wording; override them per product. */
export const accessGate = {
  checking: 'Checking access…',
  title: 'Access Denied',
  message: 'Access to the app is currently unavailable. Please visit our website for more details on your account status.',
  reasonLabel: 'Reason:',
  reasons: {
    no_seat: 'You do not hold a seat of {product}.',
    seat_reserved: 'A seat of {product} is reserved for you but not assigned yet: accept your invitation or ask an admin.',
    subscription_expired: 'The subscription to {product} has expired.',
    subscription_inactive: 'The subscription to {product} is not active (for example, a payment is overdue).',
    member_suspended: 'Your account in this organization is suspended.',
    not_a_member: 'You are not a member of this organization.',
  },
  requestAccess: 'Ask an admin for access',
  contactOwner: 'Email {name} for access',
  requestSent: 'Your request was sent.',
  // The built-in seat request (no onRequestAccess given).
  requestSeat: 'Request a seat',
  requesting: 'Requesting…',
  requestedOn: 'You asked for a seat on {date}. The admins have been told: this page opens by itself once a seat is yours.',
  requestDenied: 'Your request of {date} was not granted.',
  requestAgain: 'Ask again',
  requestFailed: 'Your request could not be sent: {reason}',
  mailSubject: 'Access to {product}',
  mailBody: 'Hello {name},\n\nI cannot open {product} in {org} ({reason}). Could you assign me a seat?\n\nThank you.',
  errorTitle: 'Could not check your access',
};
