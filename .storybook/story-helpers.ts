/**
 * Shared bits for the stories in packages/react/src: the global settings that pin a variant
 * (`globals: variants.dark`), and backend settings for loading and error states.
 */
import type { SeatKitParameters } from './backend';

export { useStoryBackend } from './story-backend-context';
export * as scenarios from './scenarios';
export { LONG_NAME } from './scenarios';
export type { SeatKitParameters, StoryBackend } from './backend';

/** Pinned toolbar settings for the standard variants of a story. */
export const variants = {
  dark: { theme: 'dark' },
  rtl: { dir: 'rtl' },
  french: { locale: 'fr' },
  /** Storybook's "Small mobile" viewport (320 px wide); story tests resize the page to it too. */
  narrow: { viewport: { value: 'mobile1', isRotated: false } },
  /** A phone, 390 × 844 (see STORY_VIEWPORTS). */
  phone: { viewport: { value: 'phone', isRotated: false } },
  /** A laptop, 1280 × 800 (see STORY_VIEWPORTS). */
  desktop: { viewport: { value: 'desktop', isRotated: false } },
  owner: { viewer: 'owner' },
  admin: { viewer: 'admin' },
  member: { viewer: 'member' },
  lakesideAdmin: { viewer: 'lakesideAdmin' },
} as const;

/** The widths stories are checked at, for Storybook's viewport toolbar (preview.tsx). */
export const STORY_VIEWPORTS = {
  phone: { name: 'Phone (390 px)', styles: { width: '390px', height: '844px' }, type: 'mobile' },
  desktop: { name: 'Laptop (1280 px)', styles: { width: '1280px', height: '800px' }, type: 'desktop' },
} as const;

/**
 * Nothing in the page is wider than the viewport (no sideways scrolling) and every button of
 * `root` is inside it: the check of a story at a given width.
 */
export async function fitsViewport(root: Element = document.body): Promise<void> {
  const { clientWidth } = document.documentElement;
  if (document.documentElement.scrollWidth > clientWidth + 1) {
    // Name the outermost elements that stick out (their parent fits), so a failure says what to fix.
    const out = (e: Element | null) => !!e && e.getBoundingClientRect().right > clientWidth + 1;
    const clipped = (e: Element) => {
      for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) if (getComputedStyle(a).overflowX !== 'visible') return true;
      return false;
    };
    const culprits = [...document.body.querySelectorAll('*')].filter((e) => out(e) && !out(e.parentElement) && !clipped(e)).slice(0, 3);
    const names = culprits.map((e) => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')} (${Math.round(e.getBoundingClientRect().width)} px)`);
    throw new Error(`The page scrolls sideways: ${document.documentElement.scrollWidth} px wide in a ${clientWidth} px viewport; sticking out: ${names.join(', ')}`);
  }
  for (const button of root.querySelectorAll('button')) {
    const box = button.getBoundingClientRect();
    if (box.width === 0) continue;
    if (box.left < -1 || box.right > clientWidth + 1) throw new Error(`“${button.textContent || button.getAttribute('aria-label')}” is outside the ${clientWidth} px viewport`);
  }
}

/** Every request waits forever: the component's loading state. */
export const loading: { seatkit: SeatKitParameters } = { seatkit: { network: 'pending' } };
/** Every request fails like a dropped connection: the component's error state. */
export const offline: { seatkit: SeatKitParameters } = { seatkit: { network: 'offline' } };

/**
 * Waits for running CSS animations (a dialog fading in) so what follows (axe's contrast check)
 * sees the final state. Endless ones (a spinner) never finish and are skipped.
 */
export async function animationsFinished(): Promise<void> {
  const finite = document.getAnimations().filter((a) => a.effect?.getComputedTiming().iterations !== Infinity);
  await Promise.all(finite.map((a) => a.finished.catch(() => undefined)));
}
export { inWidth, OpenWith, WithMember } from './story-components';
