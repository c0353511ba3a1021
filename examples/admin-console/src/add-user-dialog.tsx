import { useState, type FormEvent } from 'react';
import { describeError, isSeatKitError, PERMISSIONS, type Permission } from '@seatkit/core';
import {
  Button,
  Checkbox,
  Dialog,
  DialogBody,
  DialogClose,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
  DisabledReason,
  Select,
  TextField,
  useAddMember,
  useCan,
  useRoles,
  useSeatKit,
} from '@seatkit/react';

/**
 * "Add user" (workflow 2): creates the member at once, with names, email, role and extra permissions;
 * the server emails them their account details. Built from the kit's hooks and UI primitives, the
 * way a host adds a screen the kit does not ship. Inviting (the person accepts first) is
 * `InviteMembersDialog`.
 */
export function AddUserDialog() {
  const { messages } = useSeatKit();
  const canAdd = useCan('members:invite');
  const roles = useRoles();
  const add = useAddMember();
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [form, setForm] = useState({ firstName: '', lastName: '', email: '', role: 'member' });
  const [grants, setGrants] = useState<Permission[]>([]);

  const rolePermissions = new Set(roles.data?.items.find((r) => r.key === form.role)?.permissions ?? []);
  const assignable = (roles.data?.items ?? []).filter((r) => r.key !== 'owner');
  const fieldError = (field: string) =>
    isSeatKitError(add.error, 'validation_failed')
      ? (add.error.details as { path?: unknown[]; message: string }[] | undefined)?.find((d) => d.path?.[0] === field)?.message
      : undefined;

  const reset = () => {
    setForm({ firstName: '', lastName: '', email: '', role: 'member' });
    setGrants([]);
    add.reset();
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const member = await add.mutateAsync({
        ...form,
        // Only grants beyond the role's own permissions are stored per member.
        permissions: grants.filter((p) => !rolePermissions.has(p)),
      });
      setDone(`${member.firstName} ${member.lastName} was added. They got an email with their account details.`);
      setOpen(false);
      reset();
    } catch {
      // Shown below from add.error.
    }
  };

  if (!canAdd) {
    // Shown, disabled, with the reason: people see what exists and why they cannot use it.
    return (
      <span className="add-user-blocked">
        <Button variant="secondary" disabled aria-describedby="add-user-reason">
          Add user
        </Button>
        <DisabledReason id="add-user-reason" reason={messages.invite.noPermission} />
      </span>
    );
  }

  return (
    <>
      <Dialog
        open={open}
        onOpenChange={(next) => {
          setOpen(next);
          if (next) setDone(null);
          else reset();
        }}
      >
        <DialogTrigger asChild>
          <Button variant="secondary">Add user</Button>
        </DialogTrigger>
        <DialogContent closeLabel="Close">
          <form onSubmit={onSubmit} noValidate>
            <DialogHeader>
              <DialogTitle>Add user</DialogTitle>
              <DialogDescription>
                The person becomes a member at once and gets an email with their account details.
              </DialogDescription>
            </DialogHeader>
            <DialogBody className="add-user-fields">
              <TextField
                label="First name"
                required
                autoComplete="off"
                value={form.firstName}
                error={fieldError('firstName')}
                onChange={(e) => setForm({ ...form, firstName: e.target.value })}
              />
              <TextField
                label="Last name"
                required
                autoComplete="off"
                value={form.lastName}
                error={fieldError('lastName')}
                onChange={(e) => setForm({ ...form, lastName: e.target.value })}
              />
              <TextField
                label="Email"
                type="email"
                required
                autoComplete="off"
                value={form.email}
                error={fieldError('email') ?? (isSeatKitError(add.error, 'already_member') ? describeError(add.error) : undefined)}
                onChange={(e) => setForm({ ...form, email: e.target.value })}
              />
              <Select
                label="Role"
                value={form.role}
                options={assignable.map((r) => ({ value: r.key, label: r.name }))}
                onChange={(e) => setForm({ ...form, role: e.target.value })}
              />
              <fieldset className="add-user-permissions">
                <legend>Permissions</legend>
                {PERMISSIONS.map((permission) => {
                  const fromRole = rolePermissions.has(permission);
                  return (
                    <Checkbox
                      key={permission}
                      label={messages.common.permissions[permission]}
                      description={fromRole ? 'from role' : undefined}
                      checked={fromRole || grants.includes(permission)}
                      disabled={fromRole}
                      onChange={(e) =>
                        setGrants(e.target.checked ? [...grants, permission] : grants.filter((p) => p !== permission))
                      }
                    />
                  );
                })}
              </fieldset>
              {add.error && !fieldError('email') && !fieldError('firstName') && !fieldError('lastName') && !isSeatKitError(add.error, 'already_member') && (
                <p role="alert" className="error">
                  {describeError(add.error)}
                </p>
              )}
            </DialogBody>
            <DialogFooter>
              <DialogClose asChild>
                <Button type="button" variant="ghost">
                  Cancel
                </Button>
              </DialogClose>
              <Button type="submit" variant="primary" disabled={add.isPending}>
                {add.isPending ? 'Adding…' : 'Add user'}
              </Button>
            </DialogFooter>
          </form>
        </DialogContent>
      </Dialog>
      {done && (
        <p role="status" className="notice">
          {done}
        </p>
      )}
    </>
  );
}
