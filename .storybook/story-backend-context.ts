import { createContext, useContext } from 'react';
import type { StoryBackend } from './backend';

export const StoryBackendContext = createContext<StoryBackend | null>(null);

/** The story's backend (server, demo ids, clients), inside a story's render. */
export function useStoryBackend(): StoryBackend {
  const backend = useContext(StoryBackendContext);
  if (!backend) throw new Error('useStoryBackend() needs the Storybook backend loader (see .storybook/preview.tsx).');
  return backend;
}
