import { expect, it } from 'vitest';
import { forEachDatabase, MEMBER, OWNER } from './helpers.js';

/** Parses the export's CSV (RFC 4180: quoted cells, doubled quotes, CRLF) into rows of cells. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(cell), (cell = '');
    else if (ch === '\r' && text[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    else cell += ch;
  }
  expect(cell, 'the file ends with a line break').toBe('');
  return rows;
}

forEachDatabase((h) => {
  const exportCsv = (query = '', as = OWNER) => h().call('GET', h().nw(`/members/export${query}`), { as });

  it('streams every member as CSV in the list’s order, with the list’s filters, seats by product name', async () => {
    const nw = h().demo.northwind;
    const res = await exportCsv();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="members.csv"');
    const rows = parseCsv(res.text!);
    expect(rows[0]).toEqual(['First name', 'Last name', 'Email', 'Role', 'Status', 'Seats', 'Last active', 'Member since']);
    // The same people as the list, in its order.
    const listed: string[] = [];
    for (let cursor: string | null = ''; cursor !== null; ) {
      const page: { body: { items: { email: string }[]; nextCursor: string | null } } = await h().call('GET', h().nw(`/members?limit=200${cursor ? `&cursor=${cursor}` : ''}`), { as: OWNER });
      listed.push(...page.body.items.map((m: any) => m.email));
      cursor = page.body.nextCursor;
    }
    expect(rows.slice(1).map((r) => r[2])).toEqual(listed);
    const member = rows.find((r) => r[2] === MEMBER)!;
    expect(member.slice(0, 5)).toEqual(['Mia', 'Member', MEMBER, 'member', 'active']);
    expect(member[5]).toBe('Imaging App');
    expect(member[7]).toMatch(/^\d{4}-\d\d-\d\dT/);
    // Filters as the list's: role, and the search.
    const admins = parseCsv((await exportCsv('?role=admin')).text!).slice(1);
    expect(admins.map((r) => r[3])).toEqual(admins.map(() => 'admin'));
    expect(admins.length).toBeGreaterThan(0);
    expect(parseCsv((await exportCsv(`?query=${encodeURIComponent('mia')}`)).text!).slice(1).map((r) => r[2])).toContain(MEMBER);
    expect(nw.orgId).toBeTruthy();
  });

  it('keeps hostile names as text: quotes, commas and line breaks quoted, formulas defused', async () => {
    const added = await h().call('POST', h().nw('/members'), {
      as: OWNER,
      body: { email: 'formula@example.com', firstName: '=HYPERLINK("http://x","y")', lastName: 'Comma, "Quoted"', role: 'member' },
    });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    const row = parseCsv((await exportCsv('?query=formula')).text!)[1]!;
    expect(row.slice(0, 3)).toEqual([`'=HYPERLINK("http://x","y")`, 'Comma, "Quoted"', 'formula@example.com']);
  });

  it('pages through more members than one batch; refuses bad filters and callers without members:read', async () => {
    await h().server.seedMembers(h().demo.northwind.orgId, 2_100);
    const rows = parseCsv((await exportCsv()).text!).slice(1);
    const { body } = await h().call('GET', h().nw('/members?limit=1'), { as: OWNER });
    expect(body.items.length).toBe(1);
    expect(new Set(rows.map((r) => r[2])).size).toBe(rows.length);
    expect(rows.length).toBeGreaterThan(2_100);
    expect((await exportCsv('?format=xlsx')).status).toBe(400);
    expect((await exportCsv('?role=Nope%20Nope')).status).toBe(400);
    expect((await h().call('GET', h().nw('/members/export'), {})).status).toBe(401);
  });
});
