/** The SeatKit server this console talks to: `VITE_SEATKIT_URL=https://seatkit.example.com npm run dev`. */
export const SEATKIT_URL = (
  import.meta.env.VITE_SEATKIT_URL ||
  import.meta.env.VITE_SEATKIT_API_URL ||
  'http://localhost:4000'
).replace(/\/+$/, '');

/** The products this console has a page for, each gated on a seat of it (product keys of the demo seed). */
export const PRODUCTS = {
  imagingApp: { key: 'imaging-app', name: 'Imaging App', path: '/imaging-app' },
  imagingCloud: { key: 'imaging-cloud', name: 'Imaging Cloud', path: '/imaging-cloud' },
} as const;
export type Product = (typeof PRODUCTS)[keyof typeof PRODUCTS];
