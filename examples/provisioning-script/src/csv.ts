/**
 * A small RFC 4180 CSV reader (quoted fields, doubled quotes, CRLF, a leading BOM), so the example has
 * no dependency besides @seatkit/core. Use your favourite CSV library instead if you have one.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const input = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < input.length; i++) {
    const c = input[i];
    if (quoted) {
      if (c === '"' && input[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && input[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** One person to provision, from one line of the file (`line` is 1-based, counting the header). */
export interface PersonRow {
  line: number;
  email: string;
  role: string;
  firstName?: string;
  lastName?: string;
  /** Product keys (`imaging-app`) to reserve or assign a seat of. */
  products: string[];
}

const COLUMN_ALIASES: Record<string, keyof Omit<PersonRow, 'line'>> = {
  email: 'email',
  role: 'role',
  first_name: 'firstName',
  firstname: 'firstName',
  last_name: 'lastName',
  lastname: 'lastName',
  products: 'products',
  product_keys: 'products',
  seats: 'products',
};

/**
 * Reads the people file: a header row naming the columns (`email` required; `role`, `first_name`,
 * `last_name`, `products` optional, any order), then one person per row. `products` holds product
 * keys separated by spaces, `;` or `|`. An empty role means `member`. Blank lines are skipped.
 */
export function readPeople(text: string): PersonRow[] {
  const [header, ...body] = parseCsv(text);
  if (!header) throw new Error('The file is empty: expected a header row such as "email,role,first_name,last_name,products".');
  const columns = header.map((name) => COLUMN_ALIASES[name.trim().toLowerCase().replace(/[\s-]+/g, '_')] ?? null);
  if (!columns.includes('email')) {
    throw new Error(`The header has no "email" column (found: ${header.join(', ')}).`);
  }
  const people: PersonRow[] = [];
  body.forEach((cells, index) => {
    if (cells.every((c) => c.trim() === '')) return;
    const person: PersonRow = { line: index + 2, email: '', role: 'member', products: [] };
    cells.forEach((raw, i) => {
      const value = raw.trim();
      const column = columns[i];
      if (!column || value === '') return;
      if (column === 'products') person.products = value.split(/[\s;|]+/).filter(Boolean);
      else person[column] = value;
    });
    people.push(person);
  });
  return people;
}
