import type { ReactNode } from 'react';
import type { TestServer, RenderWithServerOptions, RenderWithServerResult } from './server.js';
import { renderWithServer } from './server.js';

/** Renders a hook inside the provider wired to the in-page server; `result.current` is its latest return. */
export async function renderHookWithServer<T>(
  ctx: TestServer,
  hook: () => T,
  options: RenderWithServerOptions = {},
): Promise<RenderWithServerResult & { result: { current: T } }> {
  const result = { current: undefined as T };
  function Harness(): ReactNode {
    result.current = hook();
    return null;
  }
  const rendered = await renderWithServer(ctx, <Harness />, options);
  return { ...rendered, result };
}

/** A gate a test opens by hand: lets it look at the cache while a request is in flight. */
export function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open };
}
