import { useMe, useSeatKit } from '@seatkit/react';

// Placeholder until OrganizationSwitcher lands in @seatkit/react.
export function OrgSwitcher() {
  const { orgId, setOrgId } = useSeatKit();
  const me = useMe();
  return (
    <label>
      Organization{' '}
      <select value={orgId ?? ''} onChange={(e) => setOrgId(e.target.value)}>
        {me.data?.memberships.map((m) => (
          <option key={m.organization.id} value={m.organization.id}>
            {m.organization.name}
          </option>
        ))}
      </select>
    </label>
  );
}
