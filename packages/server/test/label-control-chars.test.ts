import { expect, it } from 'vitest';
import { forEachDatabase, OWNER } from './helpers.js';

forEachDatabase((h) => {
  it('refuses control characters in organization, role and product names (they reach email subjects)', async () => {
    const org = await h().call('POST', '/v1/orgs', {
      serverKey: true,
      body: { name: 'Acme\r\nBcc: victim@example.com', owner: { email: 'o@acme.test', firstName: 'O', lastName: 'Wner' } },
    });
    expect(org.status).toBe(400);
    expect(org.body.error.code).toBe('validation_failed');
    expect(org.body.error.details[0].path).toEqual(['name']);

    const role = await h().call('POST', h().nw('/roles'), { as: OWNER, body: { key: 'billing', name: 'Bill\u0007ing', permissions: [] } });
    expect(role.status).toBe(400);
    expect(role.body.error.code).toBe('validation_failed');

    const product = await h().call('POST', '/v1/products', { serverKey: true, body: { key: 'x-app', name: 'X\nApp' } });
    expect(product.status).toBe(400);

    // Nothing was written.
    const roles = await h().call('GET', h().nw('/roles'), { as: OWNER });
    expect(roles.body.items.map((r: any) => r.key)).not.toContain('billing');
    const ok = await h().call('POST', h().nw('/roles'), { as: OWNER, body: { key: 'billing', name: '  Billing  ', permissions: [] } });
    expect(ok.status).toBe(201);
    expect(ok.body.name).toBe('Billing');
  });
});
