/** `OrganizationLanguage`: the organization's language, which its emails use. Each language is named in itself (`Intl.DisplayNames`). */
export const organizationLanguage = {
  label: 'Language of the organization',
  description: 'Invitations and the other emails to its members are written in this language.',
  save: 'Save language',
  /** Announced once the server has saved it. */
  saved: 'The organization’s language is now {language}.',
  ownerOnly: 'Only the owner can change the organization’s language.',
  error: 'Could not change the language',
  loadError: 'Could not load the organization’s language',
};
