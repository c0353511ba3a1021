import { RoleEditor } from '@seatkit/react';

/**
 * Roles: the built-in ones (read-only) and the account's own, with their permissions in plain words; create,
 * rename, change what a role may do, delete one (moving its members to another role first). What the signed-in
 * person does not hold themself is shown but locked.
 */
export function RolesPage() {
  return (
    <section aria-labelledby="roles-title">
      <div className="page-header">
        <h1 id="roles-title">Roles</h1>
      </div>
      <RoleEditor aria-label="Roles" headingLevel={2} />
    </section>
  );
}
