import { AuditLog } from '@seatkit/react';

/** The audit log: who did what, as sentences, filtered by person, action, member and day; exported as CSV. */
export function AuditPage() {
  return (
    <section aria-labelledby="audit-title">
      <div className="page-header">
        <h1 id="audit-title">Audit log</h1>
      </div>
      <AuditLog aria-label="Audit log" />
    </section>
  );
}
