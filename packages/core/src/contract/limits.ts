import { EMAIL_MAX_LENGTH } from './email.js';

// Its own module, so a form that needs a limit does not load every schema (and zod) with it.
/** Limits shared by the server (enforced) and the UI (shown before a request is sent). */
export const LIMITS = {
  /** Items in one bulk invite or bulk seat assignment. */
  batchSize: 100,
  /** Characters in a first or last name. */
  nameLength: 100,
  /** Characters in an email address (RFC 5321). */
  emailLength: EMAIL_MAX_LENGTH,
  /** Characters in a search query. */
  queryLength: 200,
  /** Page size bounds for list routes. */
  pageSizeDefault: 50,
  pageSizeMax: 200,
  /** Seats in one subscription. */
  seatLimitMax: 1_000_000,
  /** Days an invitation stays valid. */
  invitationDays: 7,
  /** Characters in a custom role key / name. */
  roleKeyLength: 40,
  roleNameLength: 60,
  /** Characters in a seat request's note or a denial's reason. */
  seatRequestNoteLength: 500,
  /** Days without use after which a seat is idle: bounds of `idleDays` (the default is the policy's `DEFAULT_IDLE_DAYS`). */
  idleDaysMax: 3650,
  /** Days a seat usage report covers at most. */
  usageDaysMax: 366,
} as const;
