import { createSeatKitClient, type Subscription } from '@seatkit/core';
import { expect, test } from 'vitest';
import { page } from 'vitest/browser';
import { en } from '../messages/en/index.js';
import { fr } from '../messages/fr/index.js';
import { SeatKitProvider } from '../provider.js';
import { render } from '../test/render.js';
import { SeatMeter, subscriptionEndText } from './subscription-meter.js';

const NOW = new Date('2026-12-05T09:00:00Z');

function subscription(overrides: Partial<Subscription> & { assigned?: number; reserved?: number; total?: number }): Subscription {
  const { assigned = 2, reserved = 0, total = 5, ...rest } = overrides;
  return {
    id: 'sub_1',
    orgId: 'org_1',
    product: { id: 'prod_1', key: 'imaging-app', name: 'Imaging App' },
    seatLimit: total,
    status: 'active',
    expiresAt: '2027-12-04T12:00:00Z',
    seats: { total, assigned, reserved, available: total - assigned - reserved },
    ...rest,
  } as Subscription;
}

// Never asked: the meter reads only its props and the messages.
const client = createSeatKitClient({ baseUrl: 'http://seatkit.invalid' });

function meterColour(s: Subscription) {
  render(
    <SeatKitProvider client={client} orgId="org_1">
      <SeatMeter subscription={s} now={NOW} />
    </SeatKitProvider>,
  );
  const meter = page.getByRole('meter', { name: 'Seat usage of Imaging App' }).last().element();
  return { meter, colour: getComputedStyle(meter.querySelector('[data-slot="seat-meter-assigned"]')!).backgroundColor };
}

test('a full subscription keeps the neutral tone; red is for an over-allocation or a dead subscription', () => {
  const partly = meterColour(subscription({ assigned: 2 }));
  const full = meterColour(subscription({ assigned: 5 }));
  expect(full.meter.dataset.state).toBe('full');
  expect(full.meter.dataset.tone).toBe('neutral');
  expect(full.colour).toBe(partly.colour);

  const over = meterColour(subscription({ assigned: 6 }));
  expect(over.meter.dataset.state).toBe('over');
  expect(over.meter.dataset.tone).toBe('danger');
  expect(over.colour).not.toBe(full.colour);

  const canceled = meterColour(subscription({ assigned: 5, status: 'canceled' }));
  expect(canceled.meter.dataset.tone).toBe('danger');
  expect(canceled.colour).toBe(over.colour);
});

test('the end date says what happens then: an active subscription renews, a canceled one ends, a past date expired', () => {
  const text = (s: Subscription, messages = en, locale = 'en-US') => subscriptionEndText(s, NOW, locale, messages);
  expect(text(subscription({}))).toBe('Renews Dec 4, 2027');
  expect(text(subscription({ status: 'past_due' }))).toBe('Renews Dec 4, 2027');
  expect(text(subscription({ status: 'canceled' }))).toBe('Ends Dec 4, 2027');
  expect(text(subscription({ status: 'canceled', expiresAt: '2026-11-01T12:00:00Z' }))).toBe('Expired Nov 1, 2026');
  expect(text(subscription({ expiresAt: null }))).toBe('No end date');
  expect(text(subscription({ status: 'canceled' }), fr, 'fr')).toMatch(/^Prend fin le 4 déc/);
});
