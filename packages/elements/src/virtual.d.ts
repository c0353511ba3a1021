/** The kit's stylesheet as text: packages/react/src/styles/*.css joined by the build (tsup.config.ts). */
declare module 'seatkit:styles.css' {
  const css: string;
  export default css;
}
