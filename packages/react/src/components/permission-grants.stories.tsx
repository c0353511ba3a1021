import type { Meta, StoryObj } from '@storybook/react-vite';
import type { Permission } from '@seatkit/core';
import { BUILT_IN_ROLE_PERMISSIONS } from '@seatkit/core/contract';
import { useState } from 'react';
import { expect, userEvent } from 'storybook/test';
import { variants } from '../../../../.storybook/story-helpers';
import { PermissionGrants, type PermissionGrantsProps } from './permission-grants';

/** The built-in `member` role's permissions, from the contract (shown checked and locked). */
const MEMBER_ROLE: ReadonlySet<string> = new Set(BUILT_IN_ROLE_PERMISSIONS.member);

function Stateful(props: Partial<PermissionGrantsProps>) {
  const [grants, setGrants] = useState<Permission[]>(props.grants ? [...props.grants] : []);
  return <PermissionGrants rolePermissions={props.rolePermissions ?? MEMBER_ROLE} {...props} grants={grants} onChange={setGrants} />;
}

/**
 * Extra permissions on top of a role (workflow 2's "permissions"), used by `AddMemberDialog` and
 * `EditMemberDialog`. The role's own permissions are checked and locked.
 */
const meta = {
  title: 'Members/PermissionGrants',
  component: PermissionGrants,
  render: (args) => <Stateful {...args} />,
  args: { rolePermissions: MEMBER_ROLE, grants: ['audit:read'], onChange: () => {} },
} satisfies Meta<typeof PermissionGrants>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  play: async ({ canvas }) => {
    const assign = await canvas.findByRole('checkbox', { name: /Assign seats/ });
    await userEvent.click(assign);
    await expect(assign).toBeChecked();
    await expect(canvas.getByRole('checkbox', { name: /See members/ })).toBeDisabled();
  },
};

export const Disabled: Story = {
  args: { disabled: true },
};

export const French: Story = {
  globals: variants.french,
};

export const RightToLeft: Story = {
  globals: variants.rtl,
};

export const Dark: Story = {
  globals: variants.dark,
};

export const Narrow: Story = {
  globals: variants.narrow,
};
