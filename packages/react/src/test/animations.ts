/**
 * Waits for running CSS animations (dialog fade-in) to finish. axe measures colour contrast from
 * computed colours, and a panel caught mid-fade has translucent text that fails it.
 */
export async function animationsFinished(): Promise<void> {
  await Promise.all(document.getAnimations().map((animation) => animation.finished.catch(() => undefined)));
}
