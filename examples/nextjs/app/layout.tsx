import type { Metadata } from 'next';
import type { ReactNode } from 'react';
// The kit's styles: CSS variables `--seatkit-*`, light and dark, inside `@layer seatkit`.
import '@seatkit/react/styles.css';
import './globals.css';

export const metadata: Metadata = { title: 'SeatKit in Next.js' };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
