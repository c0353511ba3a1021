// The rule `EmailSchema` applies, without zod: this helper ships in the client's bundle.
import { normalizeEmail } from './contract/email.js';

/** One address found by `parseEmailList`. */
export interface EmailListEntry {
  /** Trimmed and lower-cased, valid by the same rule the server applies. */
  email: string;
  /** From `Name <email>` or a CSV column, when present. */
  firstName?: string;
  lastName?: string;
  /** From a CSV `role` column, trimmed and lower-cased; match it against the organization's roles. */
  role?: string;
  /** 1-based line of the input it came from. */
  line: number;
}

/** A piece of the input that is not a valid address. */
export interface EmailListProblem {
  /** 1-based line of the input. */
  line: number;
  /** The offending text, trimmed. */
  text: string;
  reason: 'invalid_email';
}

/** The result of `parseEmailList`. */
export interface ParsedEmailList {
  /** Valid addresses, first occurrence of each, in input order. */
  entries: EmailListEntry[];
  /** Pieces that are not valid addresses, with their line numbers. */
  invalid: EmailListProblem[];
  /** Repeats that were dropped (same address after lower-casing), with their line numbers. */
  duplicates: { email: string; line: number }[];
}

/** Splits on `delimiters` outside double quotes and `<…>`. */
function split(text: string, delimiters: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  let angled = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (char === '<' && !quoted) angled = true;
    else if (char === '>' && !quoted) angled = false;
    if (!quoted && !angled && delimiters.includes(char)) {
      parts.push(current);
      current = '';
    } else current += char;
  }
  parts.push(current);
  return parts;
}

/** A CSV cell without its quotes (`"a ""b"""` → `a "b"`). */
const unquote = (cell: string): string => {
  const trimmed = cell.trim();
  return /^".*"$/s.test(trimmed) ? trimmed.slice(1, -1).replace(/""/g, '"').trim() : trimmed;
};

/** `Ann Lee` → Ann / Lee; `Lee, Ann` → Ann / Lee. */
function splitName(name: string): { firstName?: string; lastName?: string } {
  const clean = name.replace(/\s+/g, ' ').trim();
  if (!clean) return {};
  const comma = clean.indexOf(',');
  const [first, last] =
    comma >= 0
      ? [clean.slice(comma + 1).trim(), clean.slice(0, comma).trim()]
      : [clean.split(' ')[0]!, clean.split(' ').slice(1).join(' ')];
  return { ...(first && { firstName: first }), ...(last && { lastName: last }) };
}

const headerKey = (cell: string): string => unquote(cell).toLowerCase().replace(/[^a-z]/g, '');
const HEADERS: Record<string, keyof EmailListEntry | 'name'> = {
  email: 'email',
  emailaddress: 'email',
  mail: 'email',
  role: 'role',
  firstname: 'firstName',
  givenname: 'firstName',
  lastname: 'lastName',
  surname: 'lastName',
  familyname: 'lastName',
  name: 'name',
  fullname: 'name',
};

/**
 * Parses addresses pasted into an invite form: free text separated by commas, semicolons,
 * new lines or spaces, with `Name <email>` forms; or CSV with a header row (`email`, optional
 * `role`, `first name`, `last name` or `name`; comma, semicolon or tab separated).
 * Addresses are trimmed, lower-cased and deduplicated; invalid pieces are reported with their
 * line numbers.
 *
 * @example
 * const { entries, invalid } = parseEmailList('Ann Lee <ann@example.com>, bob@example.com\nnot-an-email');
 * // entries: ann@example.com (Ann / Lee, line 1), bob@example.com (line 1); invalid: line 2
 */
export function parseEmailList(text: string): ParsedEmailList {
  const result: ParsedEmailList = { entries: [], invalid: [], duplicates: [] };
  const seen = new Set<string>();
  const lines = text.split(/\r\n|\r|\n/);

  const add = (raw: string, line: number, extra: Omit<EmailListEntry, 'email' | 'line'> = {}): void => {
    const email = normalizeEmail(raw);
    if (email === null) {
      result.invalid.push({ line, text: raw.trim(), reason: 'invalid_email' });
    } else if (seen.has(email)) {
      result.duplicates.push({ email, line });
    } else {
      seen.add(email);
      result.entries.push({ email, ...extra, line });
    }
  };

  /** `Name <email>`, `"Lee, Ann" <email>`, `email`, `Ann Lee email`, or several bare emails. */
  const addPiece = (piece: string, line: number, extra: Omit<EmailListEntry, 'email' | 'line'> = {}): void => {
    const mailbox = /^(.*)<([^<>]*)>$/s.exec(piece.trim());
    if (mailbox) return add(mailbox[2]!, line, { ...splitName(unquote(mailbox[1]!)), ...extra });
    const words = piece.trim().split(/\s+/);
    const emails = words.filter((word) => word.includes('@'));
    if (emails.length === 1 && words.length > 1) {
      return add(emails[0]!, line, { ...splitName(words.filter((word) => !word.includes('@')).join(' ')), ...extra });
    }
    if (emails.length > 1) return emails.forEach((email) => add(email, line, extra));
    add(piece, line, extra);
  };

  const first = lines.findIndex((line) => line.trim() !== '');
  const headerLine = lines[first] ?? '';
  // CSV iff the first non-empty line names an email column and holds no address itself.
  const delimiter = [',', ';', '\t'].find((d) => split(headerLine, d).some((cell) => HEADERS[headerKey(cell)] === 'email'));
  if (delimiter && !headerLine.includes('@')) {
    const columns = split(headerLine, delimiter).map((cell) => HEADERS[headerKey(cell)]);
    lines.forEach((row, index) => {
      if (index <= first || row.trim() === '') return;
      const cells: Record<string, string> = {};
      split(row, delimiter).forEach((cell, i) => {
        const column = columns[i];
        if (column && !cells[column]) cells[column] = unquote(cell);
      });
      const names = { ...splitName(cells.name ?? ''), ...(cells.firstName && { firstName: cells.firstName }), ...(cells.lastName && { lastName: cells.lastName }) };
      const role = cells.role?.toLowerCase();
      addPiece(cells.email || row, index + 1, { ...names, ...(role && { role }) });
    });
    return result;
  }

  lines.forEach((line, index) => {
    for (const piece of split(line, ',;\t')) if (piece.trim() !== '') addPiece(piece, index + 1);
  });
  return result;
}
