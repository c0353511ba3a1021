/**
 * How the stories' in-page server is created. Shared by the page (backend.ts) and the build step that
 * dumps its seeded database (seed-dump.ts): the seed's outbox email is sealed with the secret and links
 * to the app URL, so the dump only fits a server with the same settings.
 */
export const STORY_SERVER_OPTIONS = {
  secret: 'storybook-secret',
  serverKey: 'sk_storybook',
  appUrl: 'http://localhost:6006',
} as const;
