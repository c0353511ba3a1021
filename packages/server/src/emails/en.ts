import { plural, type EmailMessages } from './messages.js';

const days = plural('en');

export const en: EmailMessages = {
  greeting: ({ firstName }) => `Hello ${firstName},`,
  linkLine: ({ label, url }) => `${label}: ${url}`,
  fullName: ({ firstName, lastName }) => `${firstName} ${lastName}`,
  roles: { owner: 'Owner', admin: 'Admin', member: 'Member' },
  openProduct: ({ product }) => `Open ${product}`,
  invitation: {
    subject: ({ org }) => `You are invited to join ${org}`,
    invitedBy: ({ inviter, org, role }) => `${inviter} invited you to join ${org} as ${role}.`,
    invited: ({ org, role }) => `You are invited to join ${org} as ${role}.`,
    action: ({ org }) => `Accept the invitation to ${org}`,
    expiry: ({ date }) => `The link is valid until ${date}. If you did not expect this email, you can ignore it.`,
  },
  welcome: {
    subject: ({ org }) => `Your account in ${org}`,
    created: ({ org }) => `An account was created for you in ${org}.`,
    details: 'Account details',
    name: ({ name }) => `Name: ${name}`,
    email: ({ email }) => `Email (your sign-in): ${email}`,
    role: ({ role }) => `Role: ${role}`,
    organization: ({ org }) => `Organization: ${org}`,
    action: ({ org }) => `Sign in to ${org}`,
  },
  removal: {
    subject: ({ org }) => `Your account in ${org} is queued for deletion`,
    removed: ({ org }) => `Your account in ${org} has been removed and is queued for deletion. You no longer have access to ${org}.`,
    mistake: ({ org }) => `If you think this is a mistake, contact an administrator of ${org}.`,
  },
  seatAssigned: {
    subject: ({ product }) => `You have been assigned ${product}`,
    assigned: ({ product, org }) => `You now have a seat of ${product} in ${org}.`,
  },
  seatRequested: {
    subject: ({ requester, product }) => `${requester} asks for a seat of ${product}`,
    asked: ({ requester, email, product, org }) => `${requester} (${email}) asks for a seat of ${product} in ${org}.`,
    note: ({ note }) => `Their note: ${note}`,
    action: ({ requester }) => `Review the request from ${requester}`,
  },
  seatRequestApproved: {
    subject: ({ product }) => `Your seat of ${product} is ready`,
    approved: ({ product, org }) => `Your request for a seat of ${product} in ${org} was approved: the seat is yours.`,
  },
  seatRequestDenied: {
    subject: ({ product }) => `Your request for ${product} was declined`,
    denied: ({ product, org }) => `Your request for a seat of ${product} in ${org} was declined.`,
    reason: ({ reason }) => `The reason given: ${reason}`,
    contact: ({ org }) => `If you still need it, contact an administrator of ${org}.`,
  },
  seatIdleWarning: {
    subject: ({ product }) => `Your seat of ${product} will be released soon`,
    idle: ({ product, org, days: n, date }) =>
      days(n, {
        one: `Your seat of ${product} in ${org} has not been used for a while. Seats unused for # day are released, and yours will be on ${date}.`,
        other: `Your seat of ${product} in ${org} has not been used for a while. Seats unused for # days are released, and yours will be on ${date}.`,
      }),
    keep: ({ product }) => `To keep it, open ${product} before then.`,
  },
  seatReclaimed: {
    subject: ({ product }) => `Your seat of ${product} was released`,
    released: ({ product, org, days: n }) =>
      days(n, {
        one: `Your seat of ${product} in ${org} was released after # day without use.`,
        other: `Your seat of ${product} in ${org} was released after # days without use.`,
      }),
    action: ({ product }) => `Ask for ${product} again`,
  },
};
