import type { Messages } from '../types.js';

export const removeMember: Messages['removeMember'] = {
  title: 'Rimuovere {name}?',
  description: '{name} ({email}) perde subito l’accesso a questa organizzazione:',
  losesRole: 'il suo ruolo: {role}',
  losesSeats: '{count, plural, =0 {non ha licenze} one {la licenza che ha (liberata per altri)} many {le # di licenze che ha (liberate per altri)} other {le # licenze che ha (liberate per altri)}}',
  losesPending: 'i suoi inviti in attesa e tutto ciò che aspetta una sua azione',
  emailNotice: 'Riceve un’email che avvisa che il suo account è in coda per l’eliminazione.',
  confirm: 'Rimuovi',
  removing: 'Rimozione in corso…',
  removed: '{name} è stato rimosso.',
  errorTitle: 'Impossibile rimuovere il membro',
  ownerReason: 'Il proprietario non può essere rimosso. Prima trasferisci la proprietà a qualcun altro.',
  adminReason: 'Solo il proprietario può rimuovere un amministratore.',
  noPermission: 'Per rimuovere membri ti serve l’autorizzazione «Rimuovere membri».',
};
