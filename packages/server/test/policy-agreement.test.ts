import {
  BUILT_IN_ROLE_PERMISSIONS,
  canGrant,
  DENIAL_ERROR_CODE,
  ERROR_STATUS,
  memberPolicy,
  roleGrantability,
  type Member,
  type MemberAction,
  type MemberDecision,
  type Permission,
  type PolicyActor,
  type RoleDecision,
} from '@seatkit/core/contract';
import { expect, it } from 'vitest';
import { ADMIN, forEachDatabase, MEMBER, OWNER, type Harness } from './helpers.js';

// A custom role that edits and removes members and holds nothing else (so it cannot give `member`: seats:read).
const SUPPORT = { key: 'support', name: 'Support', permissions: ['members:read', 'members:update', 'members:remove'] as Permission[] };
const ROLE_PERMISSIONS: Record<string, readonly Permission[]> = { ...BUILT_IN_ROLE_PERMISSIONS, support: SUPPORT.permissions };
type Kind = 'owner' | 'admin' | 'member' | 'support';
const KINDS: Kind[] = ['owner', 'admin', 'member', 'support'];
const ACTIONS: MemberAction[] = ['edit', 'changeEmail', 'changeRole', 'changeGrants', 'changeStatus', 'remove', 'transferOwnership'];

interface Cast {
  /** Two people per kind (the owner is alone): the actor and another of the same kind. */
  people: Record<Kind, Member[]>;
  emails: Map<string, string>;
}

/** The demo organization plus a second admin, a second member and two `support` members. */
async function cast(h: Harness): Promise<Cast> {
  const owner = { as: OWNER };
  expect((await h.call('POST', h.nw('/roles'), { ...owner, body: SUPPORT })).status).toBe(201);
  const add = async (email: string, role: string) => {
    const res = await h.call<Member>('POST', h.nw('/members'), { ...owner, body: { email, firstName: 'Pat', lastName: role, role } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  };
  await add('admin2@northwind.test', 'admin');
  await add('member2@northwind.test', 'member');
  await add('support1@northwind.test', 'support');
  await add('support2@northwind.test', 'support');
  const list = await h.call<{ items: Member[] }>('GET', h.nw('/members?limit=100'), owner);
  const byEmail = new Map(list.body.items.map((m) => [m.email, m]));
  const pick = (...emails: string[]) => emails.map((e) => byEmail.get(e)!);
  return {
    people: {
      owner: pick(OWNER),
      admin: pick(ADMIN, 'admin2@northwind.test'),
      member: pick(MEMBER, 'member2@northwind.test'),
      support: pick('support1@northwind.test', 'support2@northwind.test'),
    },
    emails: new Map(list.body.items.map((m) => [m.id, m.email])),
  };
}

/** The request each action makes, and what the policy (with the role and grant rules it implies) expects. */
function scenario(h: Harness, actor: Member, target: Member, action: MemberAction) {
  const path = h.nw(`/members/${target.id}`);
  const policyActor: PolicyActor = { id: actor.id, role: actor.role, permissions: actor.permissions };
  let decision: MemberDecision | RoleDecision = memberPolicy(policyActor, { id: target.id, role: target.role, status: target.status }, action);
  let issueCode: string | undefined = decision.allowed ? undefined : ({ self_status: 'self_status', target_not_active: 'member_suspended' } as Record<string, string>)[decision.reason];
  switch (action) {
    case 'edit':
      return { decision, issueCode, method: 'PATCH', path, body: { firstName: 'Renamed' } };
    case 'changeEmail':
      return { decision, issueCode, method: 'PATCH', path, body: { email: `moved-${target.id.slice(0, 8)}@elsewhere.test` } };
    case 'changeRole': {
      const role = target.role === 'member' ? 'support' : 'member';
      // The server checks who may re-role the target first, then whether the caller may give that role.
      const give = roleGrantability(policyActor, { key: role, permissions: ROLE_PERMISSIONS[role]! });
      if (decision.allowed && !give.allowed) decision = give;
      return { decision, issueCode, method: 'PATCH', path, body: { role } };
    }
    case 'changeGrants': {
      const grants: Permission[] = ['members:read'];
      const grant = canGrant(policyActor, grants);
      if (decision.allowed && !grant.allowed) decision = grant;
      return { decision, issueCode, method: 'PATCH', path, body: { permissions: grants } };
    }
    case 'changeStatus':
      return { decision, issueCode, method: 'PATCH', path, body: { status: 'suspended' } };
    case 'remove':
      return { decision, issueCode, method: 'DELETE', path, body: undefined };
    case 'transferOwnership':
      return { decision, issueCode, method: 'POST', path: h.nw('/ownership'), body: { memberId: target.id } };
    case 'assignSeat':
      throw new Error('not a member route');
  }
}

// Every actor kind × target kind × action, on another member and on oneself: the policy's answer is the server's.
forEachDatabase((h) => {
  it('the policy answers every actor × target × action × self/other exactly as the server does', { timeout: 600_000 }, async () => {
    let people = await cast(h());
    const seen = { allowed: 0, denied: 0 };
    const mismatches: string[] = [];
    for (const actorKind of KINDS) {
      for (const targetKind of [...KINDS, 'self' as const]) {
        if (targetKind === 'owner' && actorKind === 'owner') continue; // there is one owner: that case is "self"
        for (const action of ACTIONS) {
          const actor = people.people[actorKind][0]!;
          const target = targetKind === 'self' ? actor : people.people[targetKind][targetKind === actorKind ? 1 : 0]!;
          const { decision, issueCode, method, path, body } = scenario(h(), actor, target, action);
          const res = await h().call(method, path, { as: people.emails.get(actor.id)!, body });
          const label = `${actorKind} → ${targetKind} ${action}`;
          if (decision.allowed) {
            seen.allowed++;
            if (res.status >= 300) mismatches.push(`${label}: policy allows, server ${res.status} ${res.body?.error?.code}`);
            // A change happened: start the next case from the seed again.
            await h().server.reset();
            h().demo = await h().server.seedDemo();
            people = await cast(h());
          } else {
            seen.denied++;
            const code = decision.reason === 'owner_role' ? 'validation_failed' : DENIAL_ERROR_CODE[decision.reason];
            const got = `${res.status} ${res.body?.error?.code}${res.body?.error?.details?.[0]?.code ? ` ${res.body.error.details[0].code}` : ''}`;
            const want = `${ERROR_STATUS[code]} ${code}${issueCode ? ` ${issueCode}` : ''}`;
            if (got !== want) mismatches.push(`${label}: policy ${decision.reason} (${want}), server ${got}`);
          }
        }
      }
    }
    expect(mismatches).toEqual([]);
    // Both answers occur often enough for the comparison to mean something.
    expect(seen.allowed).toBeGreaterThan(20);
    expect(seen.denied).toBeGreaterThan(40);
  });
});
