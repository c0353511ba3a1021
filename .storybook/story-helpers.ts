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
  owner: { viewer: 'owner' },
  admin: { viewer: 'admin' },
  member: { viewer: 'member' },
  lakesideAdmin: { viewer: 'lakesideAdmin' },
} as const;

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
