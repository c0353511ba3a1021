import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';

const mounted = new Set<{ root: Root; container: HTMLElement }>();

const actEnv = globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean };

/**
 * Mounting and unmounting run inside act() (synchronous, errors rethrown). Later updates come from
 * real events and server answers, which tests await through polling locators; the act flag is on
 * only during act() so React does not warn about those.
 */
function syncAct(fn: () => void): void {
  actEnv.IS_REACT_ACT_ENVIRONMENT = true;
  try {
    act(fn);
  } finally {
    actEnv.IS_REACT_ACT_ENVIRONMENT = false;
  }
}

export interface RenderResult {
  container: HTMLElement;
  rerender: (ui: ReactNode) => void;
  unmount: () => void;
}

/** Mounts `ui` into a fresh container in the document (a minimal stand-in for a testing-library renderer). */
export function render(ui: ReactNode): RenderResult {
  const container = document.createElement('div');
  document.body.appendChild(container);
  const root = createRoot(container);
  const entry = { root, container };
  mounted.add(entry);
  syncAct(() => root.render(ui));
  return {
    container,
    rerender: (next) => syncAct(() => root.render(next)),
    unmount: () => {
      syncAct(() => root.unmount());
      container.remove();
      mounted.delete(entry);
    },
  };
}

/** Unmounts everything `render` mounted; runs after each test. */
export function cleanup(): void {
  for (const { root, container } of mounted) {
    syncAct(() => root.unmount());
    container.remove();
  }
  mounted.clear();
  // Radix portals dialogs into <body>; anything left over would leak into the next test.
  document.body.innerHTML = '';
}
