/** `OrganizationSwitcher`. */
export const organizationSwitcher = {
  label: 'Organization',
  searchLabel: 'Search organizations',
  searchPlaceholder: 'Search organizations',
  listLabel: 'Organizations',
  current: 'Current',
  role: 'Your role: {role}',
  noMatches: 'No organization matches “{query}”.',
  noOrganizations: 'You do not belong to any organization yet.',
  choose: 'Choose an organization',
  errorTitle: 'Could not load your organizations',
};
