/** The URL of the seeded database dump (seed-dump.ts), served with the Storybook's assets; see main.ts. */
declare module 'virtual:seatkit-story-seed' {
  const url: string;
  export default url;
}
