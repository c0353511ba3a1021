'use client';

import { isSeatKitError, peakSeatsUsed, suggestedSeatCount, type SeatUsageDay, type SubscriptionUsage } from '@seatkit/core';
import { forwardRef, useId, useState, type ReactNode } from 'react';
import { useCan, useCurrentMember } from '../hooks/use-current-member.js';
import { useSeatUsage } from '../hooks/use-seat-usage.js';
import { format, perLocale } from '../messages/format.js';
import type { Messages } from '../messages/types.js';
import { useSeatKit } from '../provider.js';
import { Button } from '../ui/button.js';
import { withClassNames, useSlots, type SeatKitClassNames } from '../ui/class-names.js';
import { EmptyState } from '../ui/empty-state.js';
import { ErrorState } from '../ui/error-state.js';
import { Select } from '../ui/select.js';
import { LoadingState } from '../ui/spinner.js';

export interface SeatUsageChartProps {
  /** One subscription's chart; without it, every subscription of the organization, one small chart each. */
  subscriptionId?: string;
  /** The days shown first, today included (1–366); the period picker changes it. @default 90 */
  days?: number;
  /** Called when the period picker changes the days shown. */
  onDaysChange?: (days: number) => void;
  /** The periods the picker offers, in days; `[]` hides the picker. @default [30, 90] */
  periods?: readonly number[];
  /** Heading level of each product name. @default 3 */
  headingLevel?: 2 | 3 | 4 | 5 | 6;
  /** The accessible name of the chart's region. @default messages.seatUsage.title */
  'aria-label'?: string;
  /** Class of the root (`seat-usage-chart`). */
  className?: string;
  /** Classes of the parts, keyed by `data-slot` (`seat-usage`, `seat-usage-plot`, `seat-usage-table`, …). */
  classNames?: SeatKitClassNames;
}

const DAY_MS = 24 * 3600_000;
const DEFAULT_PERIODS = [30, 90] as const;
type Series = 'used' | 'assigned' | 'requested' | 'limit';
const SERIES: readonly Series[] = ['used', 'assigned', 'requested', 'limit'];
/** Told apart without colour: used is a filled area under a solid line, the others have their own dash pattern. */
const DASH: Record<Series, string | undefined> = { used: undefined, assigned: '2 3', requested: '7 3 2 3', limit: '6 4' };

// Report days are UTC dates: formatted in UTC, or a viewer west of Greenwich would see the day before.
const shortDay = /* @__PURE__ */ perLocale((locale) => new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', timeZone: 'UTC' }));
const longDay = /* @__PURE__ */ perLocale((locale) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }));
const numberFormat = /* @__PURE__ */ perLocale((locale) => new Intl.NumberFormat(locale));
const dayTime = (day: string) => Date.parse(`${day}T00:00:00Z`);

/**
 * The seat count the chart suggests, and when it says so. The count is core's `suggestedSeatCount`: the most seats
 * used on one day plus the requests pending that day (at least 1). It is suggested when it is well below the seat
 * limit — at most 80 % of it, rounded down ("You could do with 8 seats" of 12) — or when it is above the limit
 * ("Members asked for more: you may need 14 seats"); otherwise nothing is suggested.
 */
export function seatSuggestion(usage: Pick<SubscriptionUsage, 'seatLimit' | 'days'>): { kind: 'fewer' | 'more'; count: number } | null {
  const suggested = suggestedSeatCount(usage.days);
  if (suggested === null) return null;
  if (suggested > usage.seatLimit) return { kind: 'more', count: suggested };
  const count = Math.max(1, suggested);
  return count <= Math.floor(usage.seatLimit * 0.8) ? { kind: 'fewer', count } : null;
}

/**
 * Seats per day against the seat limit, over the last 30 or 90 days (`GET …/seat-usage`, `seats:read`): for each
 * subscription (or only `subscriptionId`'s), a small step chart of the seats used (filled), assigned (dotted) and
 * requested (dash-dot) each UTC day, the seat limit as a dashed line, and a sentence: "Used at most 7 of 12 seats in
 * the last 90 days." With room to spare it suggests a seat count (see `seatSuggestion`: the most used on one day plus
 * that day's pending requests, said when at most 80 % of the limit). The chart is an image with a summary for screen
 * readers; "Show as table" gives the same numbers as a table. Days nothing was recorded for are left blank.
 * Colours come from the theme's variables (`--seatkit-primary`, `--seatkit-foreground`, …), so dark mode and
 * themes apply; in a right-to-left page time runs from right to left.
 *
 * @example <SeatUsageChart subscriptionId={subscription.id} days={30} />
 */
export const SeatUsageChart = /* @__PURE__ */ withClassNames(forwardRef<HTMLElement, SeatUsageChartProps>(function SeatUsageChart(
  { subscriptionId, days: daysProp = 90, onDaysChange, periods = DEFAULT_PERIODS, headingLevel = 3, 'aria-label': ariaLabel, className },
  ref,
) {
  const { messages, locale } = useSeatKit();
  const t = messages.seatUsage;
  const slot = useSlots();
  const baseId = useId();
  const { member: me, isPending: mePending, error: meError, refetch: refetchMe } = useCurrentMember();
  const canRead = useCan('seats:read');
  // The prop is where the period starts; the picker moves it, a new prop value moves it back.
  const [shown, setShown] = useState({ prop: daysProp, days: daysProp });
  if (shown.prop !== daysProp) setShown({ prop: daysProp, days: daysProp });
  const days = shown.days;
  // Asked only of someone who may read it: without "See seats" the server answers 403, logged by the browser.
  const usage = useSeatUsage({ days, enabled: canRead });
  const forbidden = (!mePending && me !== undefined && !canRead) || isSeatKitError(usage.error, 'forbidden');

  const periodOptions = [...new Set([...periods, ...(periods.length > 0 ? [days] : [])])].sort((a, b) => a - b);

  let body: ReactNode;
  if (forbidden) {
    body = (
      <EmptyState
        data-state="forbidden"
        title={t.noPermissionTitle}
        description={format(t.noPermission, { permission: messages.common.permissions['seats:read'] })}
      />
    );
  } else if (mePending) body = <LoadingState label={messages.common.loading} />;
  else if (!me && meError) body = <ErrorState error={meError} title={t.errorTitle} onRetry={() => void refetchMe()} />;
  else if (usage.isPending) body = <LoadingState label={messages.common.loading} />;
  else if (usage.isError) body = <ErrorState error={usage.error} title={t.errorTitle} onRetry={() => void usage.refetch()} />;
  else {
    const report = usage.data;
    const items = subscriptionId ? report.items.filter((item) => item.subscriptionId === subscriptionId) : report.items;
    if (items.length === 0)
      body = subscriptionId ? <EmptyState title={t.notFoundTitle} /> : <EmptyState title={t.emptyTitle} description={t.emptyDescription} />;
    else
      body = (
        <ul {...slot('seat-usage-items')} aria-busy={usage.isFetching || undefined}>
          {items.map((item) => (
            <UsageCard
              key={item.subscriptionId}
              usage={item}
              from={report.from}
              to={report.to}
              days={report.days}
              idPrefix={`${baseId}-${item.subscriptionId}`}
              headingLevel={headingLevel}
              messages={messages}
              locale={locale}
            />
          ))}
        </ul>
      );
  }

  return (
    <section ref={ref} aria-label={ariaLabel ?? t.title} {...slot('seat-usage-chart', 'seatkit-root seatkit-seat-usage-chart', className)}>
      {periodOptions.length > 1 && !forbidden ? (
        <div {...slot('seat-usage-toolbar')}>
          <Select
            label={t.periodLabel}
            options={periodOptions.map((n) => ({ value: String(n), label: format(t.period, { count: n }, locale) }))}
            value={String(days)}
            onChange={(event) => {
              const next = Number(event.currentTarget.value);
              setShown({ prop: daysProp, days: next });
              onDaysChange?.(next);
            }}
          />
        </div>
      ) : null}
      {body}
    </section>
  );
}));

interface UsageCardProps {
  usage: SubscriptionUsage;
  from: string;
  to: string;
  days: number;
  idPrefix: string;
  headingLevel: 2 | 3 | 4 | 5 | 6;
  messages: Messages;
  locale: string;
}

/** One subscription: its name, the sentence, the chart with its legend, and the table behind "Show as table". */
function UsageCard({ usage, from, to, days, idPrefix, headingLevel, messages, locale }: UsageCardProps) {
  const t = messages.seatUsage;
  const slot = useSlots();
  const [tableShown, setTableShown] = useState(false);
  const Heading = `h${headingLevel}` as const;
  const headingId = `${idPrefix}-title`;
  const tableId = `${idPrefix}-table`;
  const captionId = `${idPrefix}-caption`;
  const product = usage.product.name;
  const limit = usage.seatLimit;
  const n = (value: number) => numberFormat(locale).format(value);

  const peak = peakSeatsUsed(usage.days);
  const period = format(t.inPeriod, { count: days }, locale);
  const sentence =
    peak === 0 ? format(t.noneUsed, { period, limit }, locale) : format(t.usedAtMost, { used: n(peak), limit, period }, locale);
  const suggestion = seatSuggestion(usage);
  const chartLabel = format(t.chartLabel, { product, from: longDay(locale).format(dayTime(from)), to: longDay(locale).format(dayTime(to)) });

  return (
    <li {...slot('seat-usage')} data-state={usage.days.length === 0 ? 'empty' : 'shown'}>
      <article aria-labelledby={headingId}>
        <Heading id={headingId} {...slot('seat-usage-title')}>
          {product}
        </Heading>
        {usage.days.length === 0 ? (
          <EmptyState title={t.noDaysTitle} description={t.noDaysDescription} />
        ) : (
          <>
            <p {...slot('seat-usage-summary')}>{sentence}</p>
            {suggestion ? (
              <p {...slot('seat-usage-suggestion')} data-kind={suggestion.kind}>
                {format(suggestion.kind === 'fewer' ? t.suggestFewer : t.suggestMore, { count: suggestion.count }, locale)}{' '}
                <span {...slot('seat-usage-rule')}>{t.suggestionRule}</span>
              </p>
            ) : null}
            <Plot usage={usage} from={from} days={days} label={`${chartLabel}. ${sentence}`} locale={locale} />
            <ul {...slot('seat-usage-legend')} aria-label={format(t.legendLabel, { product })}>
              {SERIES.map((series) => (
                <li key={series} {...slot('seat-usage-legend-item')} data-series={series}>
                  <svg {...slot('seat-usage-swatch')} aria-hidden="true" focusable="false" viewBox="0 0 24 10" width="24" height="10">
                    {series === 'used' ? <rect x="0" y="5" width="24" height="5" data-part="area" /> : null}
                    <path d="M0 5H24" data-part="line" strokeDasharray={DASH[series]} />
                  </svg>
                  {series === 'limit' ? `${t.series.limit} (${n(limit)})` : t.series[series]}
                </li>
              ))}
            </ul>
            <Button
              size="sm"
              {...slot('seat-usage-toggle')}
              aria-expanded={tableShown}
              aria-controls={tableShown ? tableId : undefined}
              onClick={() => setTableShown((shown) => !shown)}
            >
              {tableShown ? t.hideTable : t.showTable}
            </Button>
            {tableShown ? (
              <div {...slot('seat-usage-table-wrap')} id={tableId} role="region" aria-labelledby={captionId} tabIndex={0}>
                <table {...slot('seat-usage-table')}>
                  <caption id={captionId}>{format(t.tableCaption, { product, limit: n(limit) })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t.day}</th>
                      <th scope="col">{t.series.assigned}</th>
                      <th scope="col">{t.series.used}</th>
                      <th scope="col">{t.series.requested}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {usage.days.map((day) => (
                      <tr key={day.day}>
                        <th scope="row">{longDay(locale).format(dayTime(day.day))}</th>
                        <td>{n(day.assigned)}</td>
                        <td>{n(day.used)}</td>
                        <td>{n(day.requested)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ) : null}
          </>
        )}
      </article>
    </li>
  );
}

interface Point {
  /** The day's slot: 0 is `from`. */
  i: number;
  value: number;
}

/** A step line: each day is a flat segment across its slot; a day not recorded leaves a gap. */
function stepLine(points: readonly Point[], top: number): string {
  let d = '';
  let end = -1;
  for (const { i, value } of points) {
    const y = top - value;
    d += i === end ? `V${y}H${i + 1}` : `M${i} ${y}H${i + 1}`;
    end = i + 1;
  }
  return d;
}

/** The area under a step line, one closed shape per run of recorded days. */
function stepArea(points: readonly Point[], top: number): string {
  let d = '';
  let end = -1;
  for (const { i, value } of points) {
    const y = top - value;
    if (i !== end) d += `${d ? `V${top}Z` : ''}M${i} ${top}V${y}H${i + 1}`;
    else d += `V${y}H${i + 1}`;
    end = i + 1;
  }
  return d ? `${d}V${top}Z` : d;
}

/** The chart itself: an image (role `img`) named by its summary, with its axis labels inside. */
function Plot({ usage, from, days, label, locale }: { usage: SubscriptionUsage; from: string; days: number; label: string; locale: string }) {
  const slot = useSlots();
  const slots = Math.max(1, days);
  const start = dayTime(from);
  const of = (key: keyof Omit<SeatUsageDay, 'day'>): Point[] =>
    usage.days
      .map((day) => ({ i: Math.round((dayTime(day.day) - start) / DAY_MS), value: day[key] }))
      .filter((p) => p.i >= 0 && p.i < slots);
  const highest = Math.max(1, usage.seatLimit, ...usage.days.map((d) => Math.max(d.assigned, d.used, d.requested)));
  // Headroom above the highest value, so the limit's line is not drawn on the frame.
  const top = Math.max(highest + 1, Math.ceil(highest * 1.15));
  const n = (value: number) => numberFormat(locale).format(value);
  const yTicks = [...new Set([0, usage.seatLimit, top])];
  const xTicks = [...new Set([0, Math.floor((slots - 1) / 2), slots - 1])];
  const dayOf = (i: number) => shortDay(locale).format(start + i * DAY_MS);

  return (
    <div {...slot('seat-usage-plot')} role="img" aria-label={label}>
      <div data-part="y-axis">
        {yTicks.map((value) => (
          <span key={value} {...slot('seat-usage-y-tick')} style={{ insetBlockStart: `${((top - value) / top) * 100}%` }}>
            {n(value)}
          </span>
        ))}
      </div>
      <svg {...slot('seat-usage-svg')} viewBox={`0 0 ${slots} ${top}`} preserveAspectRatio="none" focusable="false" aria-hidden="true">
        {yTicks.map((value) => (
          <path key={value} data-part="grid" d={`M0 ${top - value}H${slots}`} vectorEffect="non-scaling-stroke" />
        ))}
        <path data-series="used" data-part="area" d={stepArea(of('used'), top)} />
        <path data-series="assigned" d={stepLine(of('assigned'), top)} strokeDasharray={DASH.assigned} vectorEffect="non-scaling-stroke" />
        <path data-series="requested" d={stepLine(of('requested'), top)} strokeDasharray={DASH.requested} vectorEffect="non-scaling-stroke" />
        <path data-series="used" d={stepLine(of('used'), top)} vectorEffect="non-scaling-stroke" />
        <path data-series="limit" d={`M0 ${top - usage.seatLimit}H${slots}`} strokeDasharray={DASH.limit} vectorEffect="non-scaling-stroke" />
      </svg>
      <div data-part="x-axis">
        {xTicks.map((i, index) => (
          <span
            key={i}
            {...slot('seat-usage-x-tick')}
            data-align={index === 0 ? 'start' : index === xTicks.length - 1 ? 'end' : 'middle'}
            style={index === 0 ? { insetInlineStart: 0 } : index === xTicks.length - 1 ? { insetInlineEnd: 0 } : { insetInlineStart: `${((i + 0.5) / slots) * 100}%` }}
          >
            {dayOf(i)}
          </span>
        ))}
      </div>
    </div>
  );
}
