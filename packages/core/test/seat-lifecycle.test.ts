import { describe, expect, it } from 'vitest';
import {
  DEFAULT_IDLE_DAYS,
  idleCutoff,
  idleDaysOf,
  isSeatIdle,
  peakSeatsUsed,
  reclaimDate,
  reclaimStage,
  seatRequestPolicy,
  suggestedSeatCount,
} from '@seatkit/core/contract';

const now = new Date('2026-03-31T12:00:00Z');
const daysAgo = (n: number) => new Date(now.getTime() - n * 24 * 3600_000).toISOString();

describe('seat requests', () => {
  it('an active member without a usable seat may ask; a holder or a suspended member may not', () => {
    expect(seatRequestPolicy({ status: 'active', holdsUsableSeat: false })).toEqual({ allowed: true });
    expect(seatRequestPolicy({ status: 'active', holdsUsableSeat: true })).toEqual({ allowed: false, reason: 'already_assigned' });
    expect(seatRequestPolicy({ status: 'suspended', holdsUsableSeat: false })).toEqual({ allowed: false, reason: 'member_suspended' });
  });
});

describe('idle seats', () => {
  it('counts from the last use, or from the assignment when never used; exactly idleDays is idle', () => {
    expect(isSeatIdle({ assignedAt: daysAgo(40), lastUsedAt: null }, 30, now)).toBe(true);
    expect(isSeatIdle({ assignedAt: daysAgo(40), lastUsedAt: daysAgo(29) }, 30, now)).toBe(false);
    expect(isSeatIdle({ assignedAt: daysAgo(30), lastUsedAt: null }, 30, now)).toBe(true);
    expect(isSeatIdle({ assignedAt: daysAgo(40), lastUsedAt: daysAgo(10) }, 10, now)).toBe(true);
    expect(idleCutoff(now, 30).toISOString()).toBe(daysAgo(30));
    expect(reclaimDate({ assignedAt: daysAgo(40), lastUsedAt: daysAgo(5) }, 30).toISOString()).toBe(new Date(now.getTime() + 25 * 24 * 3600_000).toISOString());
  });

  it('the policy\'s idleDays, else the default', () => {
    expect(idleDaysOf({ reclaimPolicy: null })).toBe(DEFAULT_IDLE_DAYS);
    expect(idleDaysOf({})).toBe(30);
    expect(idleDaysOf({ reclaimPolicy: { idleDays: 60, warnDays: 7 } })).toBe(60);
  });

  it('a policy warns warnDays before and reclaims on the day; warnDays 0 never warns', () => {
    const policy = { idleDays: 30, warnDays: 7 };
    expect(reclaimStage({ assignedAt: daysAgo(22), lastUsedAt: null }, policy, now)).toBe('none');
    expect(reclaimStage({ assignedAt: daysAgo(23), lastUsedAt: null }, policy, now)).toBe('warn');
    expect(reclaimStage({ assignedAt: daysAgo(60), lastUsedAt: daysAgo(29) }, policy, now)).toBe('warn');
    expect(reclaimStage({ assignedAt: daysAgo(60), lastUsedAt: daysAgo(30) }, policy, now)).toBe('reclaim');
    expect(reclaimStage({ assignedAt: daysAgo(29), lastUsedAt: null }, { idleDays: 30, warnDays: 0 }, now)).toBe('none');
  });
});

describe('seat usage', () => {
  it('suggests the most seats used on one day plus that day\'s requests', () => {
    expect(suggestedSeatCount([])).toBeNull();
    expect(suggestedSeatCount([{ used: 3, requested: 0 }, { used: 7, requested: 0 }, { used: 5, requested: 1 }])).toBe(7);
    expect(suggestedSeatCount([{ used: 3, requested: 0 }, { used: 6, requested: 2 }])).toBe(8);
    expect(peakSeatsUsed([{ used: 3 }, { used: 7 }])).toBe(7);
    expect(peakSeatsUsed([])).toBe(0);
  });
});
