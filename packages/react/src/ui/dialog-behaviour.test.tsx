import { afterEach, expect, test } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { cleanup, render } from '../test/render.js';
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogTitle,
  AlertDialogTrigger,
} from './alert-dialog.js';
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogTitle, DialogTrigger } from './dialog.js';

/*
 * What the kit's own dialog (built from Radix's building blocks, without @radix-ui/react-dialog and
 * react-remove-scroll) must keep doing: the scroll lock, AlertDialog's rules, the ARIA wiring.
 */

const html = document.documentElement;
const innerWidth = Object.getOwnPropertyDescriptor(window, 'innerWidth');
afterEach(() => {
  cleanup(); // first: unmounting an open dialog releases its lock
  html.removeAttribute('style');
  if (innerWidth) Object.defineProperty(window, 'innerWidth', innerWidth);
  window.scrollTo(0, 0);
});

function NestedDialogs() {
  return (
    <>
      <div style={{ blockSize: '3000px' }}>Tall page</div>
      <Dialog>
        {/* Fixed: clicking it (and focus coming back to it) does not scroll the page. */}
        <DialogTrigger style={{ position: 'fixed', insetBlockStart: 0 }}>Open outer</DialogTrigger>
        <DialogContent>
          <DialogTitle>Outer</DialogTitle>
          <Dialog>
            <DialogTrigger>Open inner</DialogTrigger>
            <DialogContent>
              <DialogTitle>Inner</DialogTitle>
              <DialogClose>Close inner</DialogClose>
            </DialogContent>
          </Dialog>
          <DialogClose>Close outer</DialogClose>
        </DialogContent>
      </Dialog>
    </>
  );
}

/** Renders a modal dialog titled "Title" and opens it from its trigger. */
async function openTitledDialog() {
  render(
    <Dialog>
      <DialogTrigger>Open</DialogTrigger>
      <DialogContent>
        <DialogTitle>Title</DialogTitle>
      </DialogContent>
    </Dialog>,
  );
  await userEvent.click(page.getByRole('button', { name: 'Open' }));
  await expect.element(page.getByRole('dialog', { name: 'Title' })).toBeVisible();
}

test('a modal dialog locks the page scroll until the last nested dialog closes, then restores the inline styles exactly', async () => {
  // Inline styles the host page had before: they must come back as they were (value and priority).
  html.style.setProperty('overflow-y', 'auto', 'important');
  html.style.setProperty('padding-right', '3px');
  render(<NestedDialogs />);
  window.scrollTo(0, 400);
  // Headless Chromium has overlay scrollbars: pretend a classic 15px one to see the compensation.
  Object.defineProperty(window, 'innerWidth', { configurable: true, value: html.clientWidth + 15 });

  await userEvent.click(page.getByRole('button', { name: 'Open outer' }));
  await expect.element(page.getByRole('dialog', { name: 'Outer' })).toBeVisible();
  expect(getComputedStyle(html).overflowY).toBe('hidden');
  expect(html.style.getPropertyPriority('overflow-y')).toBe('important');
  // <body> too: some pages scroll it rather than <html>.
  expect(getComputedStyle(document.body).overflowY).toBe('hidden');
  // The scrollbar's 15px on top of the page's own 3px: the page does not shift sideways.
  expect(html.style.paddingRight).toBe('18px');
  expect(window.scrollY).toBe(400);

  await userEvent.click(page.getByRole('button', { name: 'Open inner' }));
  await expect.element(page.getByRole('dialog', { name: 'Inner' })).toBeVisible();
  await userEvent.click(page.getByRole('button', { name: 'Close inner' }));
  await expect.element(page.getByRole('dialog', { name: 'Inner' })).not.toBeInTheDocument();
  // The outer dialog is still open: still locked, with the same compensation.
  expect(getComputedStyle(html).overflowY).toBe('hidden');
  expect(html.style.paddingRight).toBe('18px');

  await userEvent.keyboard('{Escape}');
  await expect.element(page.getByRole('dialog', { name: 'Outer' })).not.toBeInTheDocument();
  expect(html.style.getPropertyValue('overflow-y')).toBe('auto');
  expect(html.style.getPropertyPriority('overflow-y')).toBe('important');
  expect(html.style.getPropertyValue('overflow-x')).toBe('');
  expect(html.style.paddingRight).toBe('3px');
  expect(document.body.style.getPropertyValue('overflow-y')).toBe('');
  expect(getComputedStyle(document.body).overflowY).toBe('visible');
  expect(window.scrollY).toBe(400);
  await expect.poll(() => document.activeElement?.textContent).toBe('Open outer');
});

test('a page without a style attribute on <html> gets none back after the lock', async () => {
  await openTitledDialog();
  expect(getComputedStyle(html).overflowY).toBe('hidden');
  await userEvent.keyboard('{Escape}');
  await expect.element(page.getByRole('dialog')).not.toBeInTheDocument();
  expect(html.getAttribute('style')).toBe(null);
});

test('a non-modal dialog neither locks the scroll nor hides the page; outside clicks and focus close it, the trigger toggles it', async () => {
  const changes: boolean[] = [];
  render(
    <>
      <p>Rest of the page</p>
      <button type="button">Elsewhere</button>
      <Dialog modal={false} onOpenChange={(open) => changes.push(open)}>
        <DialogTrigger>Open</DialogTrigger>
        <DialogContent>
          <DialogTitle>Panel</DialogTitle>
        </DialogContent>
      </Dialog>
    </>,
  );
  const trigger = page.getByRole('button', { name: 'Open' });
  await userEvent.click(trigger);
  await expect.element(page.getByRole('dialog', { name: 'Panel' })).toBeVisible();
  expect(getComputedStyle(html).overflowY).not.toBe('hidden');
  expect(getComputedStyle(document.body).overflowY).not.toBe('hidden');
  expect(document.querySelector('[aria-hidden="true"]')).toBeNull();
  // No overlay: a click outside reaches the page and closes the panel.
  await userEvent.click(page.getByText('Rest of the page'));
  await expect.element(page.getByRole('dialog')).not.toBeInTheDocument();

  // A click on the trigger of the open panel closes it once (the press is not also an outside dismissal).
  await userEvent.click(trigger);
  await expect.element(page.getByRole('dialog', { name: 'Panel' })).toBeVisible();
  await userEvent.click(trigger);
  await expect.element(page.getByRole('dialog')).not.toBeInTheDocument();
  expect(changes).toEqual([true, false, true, false]);

  // Focus moving outside closes it too.
  await userEvent.click(trigger);
  await expect.element(page.getByRole('dialog', { name: 'Panel' })).toBeVisible();
  (page.getByRole('button', { name: 'Elsewhere' }).element() as HTMLElement).focus();
  await expect.element(page.getByRole('dialog')).not.toBeInTheDocument();
  expect(changes).toEqual([true, false, true, false, true, false]);
});

test('trigger and content carry the ARIA wiring and data-state of Radix Dialog', async () => {
  render(
    <Dialog>
      <DialogTrigger>Open</DialogTrigger>
      <DialogContent>
        <DialogTitle>Title</DialogTitle>
        <DialogDescription>Description</DialogDescription>
      </DialogContent>
    </Dialog>,
  );
  // An element, not a role locator: once open, the trigger is aria-hidden with the rest of the page.
  const trigger = page.getByRole('button', { name: 'Open' }).element() as HTMLElement;
  expect(trigger.getAttribute('aria-haspopup')).toBe('dialog');
  expect(trigger.getAttribute('aria-expanded')).toBe('false');
  expect(trigger.getAttribute('data-state')).toBe('closed');
  expect(trigger.hasAttribute('aria-controls')).toBe(false);

  await userEvent.click(trigger);
  const dialog = page.getByRole('dialog', { name: 'Title' });
  await expect.element(dialog).toHaveAccessibleDescription('Description');
  await expect.element(dialog).toHaveAttribute('data-state', 'open');
  expect(trigger.getAttribute('aria-expanded')).toBe('true');
  expect(trigger.getAttribute('data-state')).toBe('open');
  expect(trigger.getAttribute('aria-controls')).toBe((dialog.element() as HTMLElement).id);
  // Radix does not set aria-modal: the rest of the page is aria-hidden instead.
  expect((dialog.element() as HTMLElement).hasAttribute('aria-modal')).toBe(false);
  expect(trigger.closest('[aria-hidden="true"]')).not.toBeNull();
});

test('without a Description there is no aria-describedby', async () => {
  const first = render(
    <Dialog defaultOpen>
      <DialogContent>
        <DialogTitle>No description</DialogTitle>
      </DialogContent>
    </Dialog>,
  );
  const dialog = page.getByRole('dialog', { name: 'No description' });
  await expect.element(dialog).toBeVisible();
  expect((dialog.element() as HTMLElement).hasAttribute('aria-describedby')).toBe(false);
  first.unmount();
});

test('an explicit aria-describedby={undefined} wins over the Description (Radix 1.3 would still add it)', async () => {
  // As OrganizationSwitcher passes it.
  render(
    <Dialog defaultOpen>
      <DialogContent aria-describedby={undefined}>
        <DialogTitle>Opted out</DialogTitle>
        <DialogDescription>Not announced as the description</DialogDescription>
      </DialogContent>
    </Dialog>,
  );
  const optedOut = page.getByRole('dialog', { name: 'Opted out' });
  await expect.element(optedOut).toBeVisible();
  expect((optedOut.element() as HTMLElement).hasAttribute('aria-describedby')).toBe(false);
});

test('a modal dialog closes on a click on the overlay, not on a right click', async () => {
  await openTitledDialog();
  const overlay = page.elementLocator(document.querySelector('[data-slot="dialog-overlay"]')!);
  await userEvent.click(overlay, { position: { x: 5, y: 5 }, button: 'right' });
  await expect.element(page.getByRole('dialog', { name: 'Title' })).toBeVisible();
  await userEvent.click(overlay, { position: { x: 5, y: 5 } });
  await expect.element(page.getByRole('dialog')).not.toBeInTheDocument();
  await expect.poll(() => document.activeElement?.textContent).toBe('Open');
});

test('AlertDialog: role alertdialog, focus starts on Cancel, a click outside does not close it, Escape does', async () => {
  let changes: boolean[] = [];
  render(
    <AlertDialog onOpenChange={(open) => changes.push(open)}>
      <AlertDialogTrigger>Delete</AlertDialogTrigger>
      <AlertDialogContent>
        <AlertDialogTitle>Delete it?</AlertDialogTitle>
        <AlertDialogDescription>This cannot be undone.</AlertDialogDescription>
        <AlertDialogAction>Yes, delete</AlertDialogAction>
        <AlertDialogCancel>Keep it</AlertDialogCancel>
      </AlertDialogContent>
    </AlertDialog>,
  );
  await userEvent.click(page.getByRole('button', { name: 'Delete' }));
  const dialog = page.getByRole('alertdialog', { name: 'Delete it?' });
  await expect.element(dialog).toHaveAccessibleDescription('This cannot be undone.');
  // Cancel comes after Action in the DOM, and still gets the focus.
  await expect.poll(() => document.activeElement?.textContent).toBe('Keep it');

  const overlay = page.elementLocator(document.querySelector('[data-slot="alert-dialog-overlay"]')!);
  await userEvent.click(overlay, { position: { x: 5, y: 5 } });
  // React commits a discrete event's updates before the next frame: two frames later a close would have shown.
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  await expect.element(dialog).toBeVisible();
  expect(changes).toEqual([true]);

  await userEvent.keyboard('{Escape}');
  await expect.element(dialog).not.toBeInTheDocument();
  expect(changes).toEqual([true, false]);
  await expect.poll(() => document.activeElement?.textContent).toBe('Delete');
  changes = [];
});
