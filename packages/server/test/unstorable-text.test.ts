import { expect, it } from 'vitest';
import { encodeCursor } from '../src/util.js';
import { forEachDatabase, OWNER } from './helpers.js';

forEachDatabase((h) => {
  it('refuses lone UTF-16 surrogates in bodies, bulk items and cursors with validation_failed, writing nothing', async () => {
    const org = await h().call('POST', '/v1/orgs', {
      serverKey: true,
      body: { name: '\ud800', owner: { email: 'boss@acme.test', firstName: 'Bo', lastName: 'Ss' } },
    });
    expect(org.status).toBe(400);
    expect(org.body.error.code).toBe('validation_failed');
    expect(org.body.error.details[0]).toMatchObject({ path: ['name'], code: 'invalid_characters' });

    const invite = await h().call('POST', h().nw('/invitations'), {
      as: OWNER,
      body: { invitations: [{ email: 'ok@example.com', role: 'member', firstName: 'A\udc00' }] },
    });
    expect(invite.status).toBe(400);
    expect(invite.body.error.details[0].path).toEqual(['invitations', 0, 'firstName']);

    const cursor = encodeCursor(['\ud83d', 'mem_x']);
    const list = await h().call('GET', h().nw(`/members?cursor=${encodeURIComponent(cursor)}`), { as: OWNER });
    expect(list.status).toBe(400);

    // A well-formed pair (an emoji) is fine.
    const fine = await h().call('PATCH', h().nw(`/members/${h().demo.northwind.memberMemberId}`), { as: OWNER, body: { firstName: 'Mia 😀' } });
    expect(fine.status).toBe(200);
    expect(fine.body.firstName).toBe('Mia 😀');
    const pending = await h().call('GET', h().nw('/invitations'), { as: OWNER });
    expect(pending.body.items.map((i: any) => i.email)).not.toContain('ok@example.com');
  });
});
