import { useState } from 'react';
import { expect, test } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { render } from '../test/render.js';
import { Dialog, DialogContent, DialogDescription, DialogTitle } from './dialog.js';

/** A dialog that stays mounted while closed and is opened by a plain button, not a Radix Trigger. */
function AlwaysMountedDialog() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Open dialog
      </button>
      <Dialog open={open} onOpenChange={setOpen}>
        <DialogContent closeLabel="Close">
          <DialogTitle>Invite people</DialogTitle>
          <DialogDescription>They get an email.</DialogDescription>
          <input aria-label="Email" />
        </DialogContent>
      </Dialog>
    </>
  );
}

test('focus returns to the element that opened the dialog, not to what was focused when the page rendered', async () => {
  // Focus sits elsewhere while the page renders, as with a nav link on load.
  const elsewhere = document.createElement('button');
  elsewhere.textContent = 'Elsewhere';
  document.body.append(elsewhere);
  elsewhere.focus();
  render(<AlwaysMountedDialog />);

  const opener = page.getByRole('button', { name: 'Open dialog' });
  (opener.element() as HTMLElement).focus();
  await userEvent.keyboard('{Enter}');
  await expect.element(page.getByRole('dialog', { name: 'Invite people' })).toBeVisible();

  await userEvent.keyboard('{Escape}');
  await expect.element(page.getByRole('dialog')).not.toBeInTheDocument();
  await expect.poll(() => document.activeElement?.textContent).toBe('Open dialog');

  // A second opening captures the opener again.
  await userEvent.keyboard('{Enter}');
  await expect.element(page.getByRole('dialog', { name: 'Invite people' })).toBeVisible();
  await userEvent.keyboard('{Escape}');
  await expect.poll(() => document.activeElement?.textContent).toBe('Open dialog');
  elsewhere.remove();
});
