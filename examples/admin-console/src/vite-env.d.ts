/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Where the SeatKit server runs (without `/v1`). @default http://localhost:4000 */
  readonly VITE_SEATKIT_URL?: string;
  /** Older name of the same setting (what the repo's `npm start` sets); `VITE_SEATKIT_URL` wins. */
  readonly VITE_SEATKIT_API_URL?: string;
}
