import { SeatRequestList } from '@seatkit/react';

/**
 * Seat requests: members who met "Access Denied" on a product and asked for a seat. Approve one (the
 * subscription picker shows the seats left), deny it with a reason, or approve several at once; the
 * requester is emailed either way and their product opens by itself.
 */
export function RequestsPage() {
  return (
    <section aria-labelledby="requests-title">
      <div className="page-header">
        <h1 id="requests-title">Seat requests</h1>
      </div>
      <SeatRequestList aria-label="Seat requests" />
    </section>
  );
}
