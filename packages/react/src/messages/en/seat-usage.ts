/** `SeatUsageChart`: seats assigned, used and requested per day, against the seat limit. */
export const seatUsage = {
  title: 'Seat usage',
  periodLabel: 'Period',
  period: '{count, plural, one {Today} other {Last # days}}',
  /** Filled into `usedAtMost` / `noneUsed` as `{period}`. */
  inPeriod: '{count, plural, one {in the last day} other {in the last # days}}',
  usedAtMost: 'Used at most {used} of {limit, plural, one {# seat} other {# seats}} {period}.',
  noneUsed: 'No seat used {period}, of {limit, plural, one {# seat} other {# seats}}.',
  suggestFewer: '{count, plural, one {You could do with # seat.} other {You could do with # seats.}}',
  suggestMore: '{count, plural, one {Members asked for more: you may need # seat.} other {Members asked for more: you may need # seats.}}',
  suggestionRule: 'Suggested: the most seats used on one day, plus the requests pending that day.',
  /** The accessible name of a chart (its picture). */
  chartLabel: 'Chart of the seats of {product} per day, from {from} to {to}',
  series: { used: 'Used', assigned: 'Assigned', requested: 'Requested', limit: 'Seat limit' },
  legendLabel: 'Legend of the chart of {product}',
  showTable: 'Show as table',
  hideTable: 'Hide table',
  tableCaption: 'Seats of {product} per day (seat limit: {limit})',
  day: 'Day',
  noDaysTitle: 'No usage recorded yet',
  noDaysDescription: 'Seats are counted once a day; the chart fills in from today.',
  emptyTitle: 'No subscriptions',
  emptyDescription: 'Seat usage shows here once the organization subscribes to a product.',
  notFoundTitle: 'This subscription has no usage to show',
  noPermissionTitle: 'Seat usage is not available to you',
  noPermission: 'You need the “{permission}” permission to see seat usage; an admin of the organization can grant it.',
  errorTitle: 'Could not load the seat usage',
};
