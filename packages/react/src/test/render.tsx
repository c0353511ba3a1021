import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';

const mounted = new Set<{ root: Root; container: HTMLElement }>();

// React warns about act() outside a test environment unless this flag is set.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

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
  act(() => root.render(ui));
  return {
    container,
    rerender: (next) => act(() => root.render(next)),
    unmount: () => {
      act(() => root.unmount());
      container.remove();
      mounted.delete(entry);
    },
  };
}

/** Unmounts everything `render` mounted; runs after each test. */
export function cleanup(): void {
  for (const { root, container } of mounted) {
    act(() => root.unmount());
    container.remove();
  }
  mounted.clear();
  // Radix portals dialogs into <body>; anything left over would leak into the next test.
  document.body.innerHTML = '';
}
