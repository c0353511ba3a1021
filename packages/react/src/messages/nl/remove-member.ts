import type { Messages } from '../types.js';

export const removeMember: Messages['removeMember'] = {
  title: '{name} verwijderen?',
  description: '{name} ({email}) verliest meteen de toegang tot deze organisatie:',
  losesRole: 'de rol: {role}',
  losesSeats: '{count, plural, =0 {heeft geen licenties} one {de licentie die deze persoon heeft (komt vrij voor anderen)} other {de # licenties die deze persoon heeft (komen vrij voor anderen)}}',
  losesPending: 'openstaande uitnodigingen en alles wat op deze persoon wacht',
  emailNotice: 'Deze persoon krijgt een e-mail dat het account in de wachtrij voor verwijdering staat.',
  confirm: 'Verwijderen',
  removing: 'Verwijderen…',
  removed: '{name} is verwijderd.',
  errorTitle: 'Het lid kon niet worden verwijderd',
  ownerReason: 'De eigenaar kan niet worden verwijderd. Draag eerst het eigendom over aan iemand anders.',
  adminReason: 'Alleen de eigenaar kan een beheerder verwijderen.',
  noPermission: 'Om leden te verwijderen heb je het recht ‘Leden verwijderen’ nodig.',
};
