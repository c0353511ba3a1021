/** The SeatKit server this console talks to: `VITE_SEATKIT_URL=https://seatkit.example.com npm run dev`. */
export const SEATKIT_URL = (
  import.meta.env.VITE_SEATKIT_URL ||
  import.meta.env.VITE_SEATKIT_API_URL ||
  'http://localhost:4000'
).replace(/\/+$/, '');

/** The product the "Imaging App" page is gated on (a product key of the demo seed). */
export const PRODUCT_KEY = 'imaging-app';
