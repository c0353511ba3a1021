'use client';

import { LIMITS, type Subscription } from '@seatkit/core';
import { useId, useState, type FormEvent } from 'react';
import { useSetReclaimPolicy } from '../hooks/use-idle-seats.js';
import { format } from '../messages/format.js';
import { useSeatKit } from '../provider.js';
import { Button } from '../ui/button.js';
import { useSlots } from '../ui/class-names.js';
import { ErrorState } from '../ui/error-state.js';
import { TextField } from '../ui/field.js';
import { StatusMessage } from '../ui/status-message.js';

/** A whole number of days from `min` to `max`, or `null`. */
export function wholeDays(text: string, min: number, max: number = LIMITS.idleDaysMax): number | null {
  if (!/^\d+$/.test(text.trim())) return null;
  const n = Number(text.trim());
  return n >= min && n <= max ? n : null;
}

/**
 * "Reclaim automatically": the subscription's policy, said in words; with `seats:assign`, its two numbers
 * (idle days, warning days) to save, and "Turn off" while it is on.
 */
export function ReclaimSeatsPolicy({ subscription, canEdit }: { subscription: Subscription; canEdit: boolean }) {
  const { messages, locale } = useSeatKit();
  const t = messages.reclaimSeats;
  const slot = useSlots();
  const headingId = useId();
  const policy = subscription.reclaimPolicy ?? null;
  const save = useSetReclaimPolicy();
  const [idleText, setIdleText] = useState(String(policy?.idleDays ?? 90));
  const [warnText, setWarnText] = useState(String(policy?.warnDays ?? 7));
  const [errors, setErrors] = useState<{ idle?: string; warn?: string }>({});
  const [outcome, setOutcome] = useState<string | null>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    const idleDays = wholeDays(idleText, 1);
    const warnDays = idleDays === null ? wholeDays(warnText, 0) : wholeDays(warnText, 0, idleDays - 1);
    const next = { idle: idleDays === null ? t.daysInvalid : undefined, warn: warnDays === null ? t.warnInvalid : undefined };
    setErrors(next);
    if (idleDays === null || warnDays === null) return;
    setOutcome(null);
    save.mutate(
      { subscriptionId: subscription.id, orgId: subscription.orgId, reclaimPolicy: { idleDays, warnDays } },
      { onSuccess: () => setOutcome(format(t.policySaved, { idleDays }, locale)) },
    );
  }

  function turnOff() {
    setOutcome(null);
    save.mutate(
      { subscriptionId: subscription.id, orgId: subscription.orgId, reclaimPolicy: null },
      { onSuccess: () => setOutcome(t.policyTurnedOff) },
    );
  }

  return (
    <section aria-labelledby={headingId} {...slot('reclaim-seats-policy', 'seatkit-reclaim-seats-policy')}>
      <h3 id={headingId} {...slot('reclaim-seats-policy-title')}>
        {t.policyTitle}
      </h3>
      <p {...slot('reclaim-seats-policy-state')} data-state={policy ? 'on' : 'off'}>
        {policy
          ? `${format(t.policyOn, { idleDays: policy.idleDays }, locale)} ${format(t.policyWarn, { warnDays: policy.warnDays }, locale)}`
          : t.policyOff}
      </p>
      {canEdit ? (
        <form noValidate onSubmit={submit} {...slot('reclaim-seats-policy-form')}>
          <div {...slot('reclaim-seats-policy-fields')}>
            <TextField
              label={t.policyIdleDays}
              inputMode="numeric"
              value={idleText}
              error={errors.idle}
              onChange={(event) => setIdleText(event.currentTarget.value)}
            />
            <TextField
              label={t.policyWarnDays}
              inputMode="numeric"
              value={warnText}
              error={errors.warn}
              onChange={(event) => setWarnText(event.currentTarget.value)}
            />
          </div>
          <div {...slot('reclaim-seats-policy-actions')}>
            <Button type="submit" loading={save.isPending && save.variables?.reclaimPolicy !== null}>
              {t.policySave}
            </Button>
            {policy ? (
              <Button type="button" variant="ghost" loading={save.isPending && save.variables?.reclaimPolicy === null} onClick={turnOff}>
                {t.policyTurnOff}
              </Button>
            ) : null}
          </div>
        </form>
      ) : null}
      {save.isError ? <ErrorState size="inline" error={save.error} title={t.policyError} /> : null}
      <StatusMessage slot="reclaim-seats-policy-status" message={outcome} />
    </section>
  );
}
