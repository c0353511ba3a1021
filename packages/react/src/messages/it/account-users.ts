import type { Messages } from '../types.js';

export const accountUsers: Messages['accountUsers'] = {
  title: 'Utenti dell’account',
  description: 'Le persone di {org}, i loro inviti e le loro licenze.',
  membersHeading: 'Membri',
  invitationsHeading: 'Inviti',
  subscriptionsHeading: 'Abbonamenti',
  rolesHeading: 'Ruoli',
  settingsHeading: 'Impostazioni',
  requestsHeading: '{count, plural, =0 {Richieste di licenza} one {Richieste di licenza (# in attesa)} many {Richieste di licenza (# in attesa)} other {Richieste di licenza (# in attesa)}}',
  noAccessTitle: 'Non puoi vedere gli utenti di questo account',
  noAccessDescription: 'Chiedi a un amministratore l’autorizzazione «Vedere i membri».',
  noOrgTitle: 'Nessuna organizzazione selezionata',
  noOrgDescription: 'Scegli un’organizzazione per gestirne gli utenti.',
};
