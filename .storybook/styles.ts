/// <reference types="vite/client" />
// Every file of the kit's stylesheet, eagerly, in file-name order: the same files, in the same
// order, that `@seatkit/react/styles.css` is built from (packages/react/tsup.config.ts). A glob, so
// a component family's new stylesheet shows up here without an edit.
import.meta.glob('../packages/react/src/styles/*.css', { eager: true });
