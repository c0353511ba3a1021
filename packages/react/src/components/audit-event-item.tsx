'use client';

import type { AuditEvent } from '@seatkit/core';
import { useId, useState } from 'react';
import { format } from '../messages/format.js';
import { useSeatKit } from '../provider.js';
import { Button } from '../ui/button.js';
import { useSlots } from '../ui/class-names.js';
import { absoluteTime, dataText, relativeTime } from './audit-event-sentence.js';

export interface AuditEventItemProps {
  event: AuditEvent;
  /** The event in words (`auditSentence`). */
  sentence: string;
  /** The clock the relative times are measured from. */
  now: Date;
}

/** One event: its sentence, when (relative, the exact date and time in the `<time>`'s title), and its data on demand. */
export function AuditEventItem({ event, sentence, now }: AuditEventItemProps) {
  const { messages, locale } = useSeatKit();
  const t = messages.audit;
  const slot = useSlots();
  const [open, setOpen] = useState(false);
  const detailsId = useId();
  const entries = Object.entries(event.data);
  const hasDetails = entries.length > 0 || event.requestId !== null;

  return (
    <li {...slot('audit-event', 'seatkit-audit-event')} data-action={event.action}>
      <div {...slot('audit-event-main')}>
        <p {...slot('audit-event-sentence')}>{sentence}</p>
        <time {...slot('audit-event-time')} dateTime={event.createdAt} title={absoluteTime(event.createdAt, locale)}>
          {relativeTime(event.createdAt, now, locale)}
        </time>
      </div>
      {hasDetails ? (
        <Button
          {...slot('audit-event-toggle')}
          size="sm"
          variant="ghost"
          aria-expanded={open}
          aria-controls={detailsId}
          aria-label={format(t.detailsLabel, { sentence })}
          onClick={() => setOpen((o) => !o)}
        >
          {t.details}
        </Button>
      ) : null}
      {hasDetails && open ? (
        <dl id={detailsId} {...slot('audit-event-data')}>
          {entries.map(([key, value]) => (
            <div key={key} {...slot('audit-event-entry')}>
              <dt {...slot('audit-event-key')}>{key}</dt>
              <dd {...slot('audit-event-value')}>{dataText(value)}</dd>
            </div>
          ))}
          {event.requestId ? (
            <div {...slot('audit-event-entry')}>
              <dt {...slot('audit-event-key')}>{t.requestId}</dt>
              <dd {...slot('audit-event-value')}>{event.requestId}</dd>
            </div>
          ) : null}
        </dl>
      ) : null}
    </li>
  );
}
