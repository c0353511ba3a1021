import axe from 'axe-core';
import { expect } from 'vitest';

/**
 * Runs axe on the document (dialogs are portalled to <body>) and fails with a readable list of
 * violations. Colour contrast is checked against the shipped stylesheet, loaded in setup.
 */
export async function expectNoAxeViolations(context: axe.ElementContext = document.body): Promise<void> {
  // Entry animations (a dialog fading in) would be measured mid-way, with contrast still rising.
  await Promise.all(document.getAnimations().map((animation) => animation.finished.catch(() => undefined)));
  const result = await axe.run(context, { resultTypes: ['violations'] });
  const summary = result.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`,
  );
  expect(summary, 'axe violations').toEqual([]);
}
