'use client';

import { useState } from 'react';
import { createSeatKitClient } from '@seatkit/core';
import { AccessGate, AccountUsersPage, SeatKitProvider } from '@seatkit/react';

/**
 * The interactive part, in the browser. Its client has no token: it calls this app's own
 * `/api/seatkit` route, which adds the signed-in user's token on the server.
 */
export function AdminArea({ orgId }: { orgId: string }) {
  const [client] = useState(() => createSeatKitClient({ baseUrl: '/api/seatkit' }));
  return (
    <SeatKitProvider client={client} orgId={orgId}>
      <AccountUsersPage headingLevel={2} />
      <section aria-labelledby="product-heading">
        <h2 id="product-heading">Imaging App</h2>
        <AccessGate product="imaging-app" productName="Imaging App" headingLevel={3}>
          <p>Your Imaging App seat is active.</p>
        </AccessGate>
      </section>
    </SeatKitProvider>
  );
}
