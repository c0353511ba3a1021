import type { Messages } from '../types.js';

export const accountUsers: Messages['accountUsers'] = {
  title: 'Benutzer des Kontos',
  description: 'Die Personen in {org}, ihre Einladungen und ihre Lizenzen.',
  membersHeading: 'Mitglieder',
  invitationsHeading: 'Einladungen',
  subscriptionsHeading: 'Abonnements',
  rolesHeading: 'Rollen',
  settingsHeading: 'Einstellungen',
  requestsHeading: '{count, plural, =0 {Lizenzanfragen} one {Lizenzanfragen (# offen)} other {Lizenzanfragen (# offen)}}',
  noAccessTitle: 'Sie können die Benutzer dieses Kontos nicht sehen',
  noAccessDescription: 'Bitten Sie einen Administrator um die Berechtigung „Mitglieder ansehen“.',
  noOrgTitle: 'Keine Organisation ausgewählt',
  noOrgDescription: 'Wählen Sie eine Organisation, um ihre Benutzer zu verwalten.',
};
