import { expect, it } from 'vitest';
import { ADMIN, forEachDatabase, OWNER, tokenFrom } from './helpers.js';

forEachDatabase((h) => {
  it('filters invitations by every status (accepted and revoked answered 500 on Postgres)', async () => {
    const invite = await h().call('POST', h().nw('/invitations'), {
      as: ADMIN,
      body: { invitations: [{ email: 'acc@example.com', role: 'member' }, { email: 'rev@example.com', role: 'member' }] },
    });
    expect(invite.status).toBe(200);
    const [accepted, revoked] = invite.body.results.map((r: any) => r.invitation);
    const token = tokenFrom(h().mailer.sent.find((m) => m.to === 'acc@example.com')!.text);
    expect((await h().call('POST', `/v1/invitations/${token}/accept`, { as: 'acc@example.com' })).status).toBe(200);
    expect((await h().call('DELETE', h().nw(`/invitations/${revoked.id}`), { as: OWNER })).status).toBe(200);

    const ids = async (status: string) => {
      const res = await h().call('GET', h().nw(`/invitations?status=${status}`), { as: ADMIN });
      expect(res.status).toBe(200);
      return res.body.items.map((i: any) => i.id);
    };
    expect(await ids('accepted')).toEqual([accepted.id]);
    expect(await ids('revoked')).toEqual([revoked.id]);
    expect(await ids('pending')).toEqual([h().demo.northwind.pendingInvitationId]);
    expect(await ids('expired')).toEqual([]);
  });
});
