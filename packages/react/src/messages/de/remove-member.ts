import type { Messages } from '../types.js';

export const removeMember: Messages['removeMember'] = {
  title: '{name} entfernen?',
  description: '{name} ({email}) verliert sofort den Zugriff auf diese Organisation:',
  losesRole: 'die Rolle: {role}',
  losesSeats: '{count, plural, =0 {hat keine Lizenzen} one {die eigene Lizenz (wird für andere freigegeben)} other {die # eigenen Lizenzen (werden für andere freigegeben)}}',
  losesPending: 'ausstehende Einladungen und alles, was auf diese Person wartet',
  emailNotice: 'Die Person erhält eine E-Mail, dass ihr Konto zur Löschung vorgemerkt ist.',
  confirm: 'Entfernen',
  removing: 'Wird entfernt…',
  removed: '{name} wurde entfernt.',
  errorTitle: 'Das Mitglied konnte nicht entfernt werden',
  ownerReason: 'Der Inhaber kann nicht entfernt werden. Übertragen Sie zuerst die Inhaberschaft an eine andere Person.',
  adminReason: 'Nur der Inhaber kann einen Administrator entfernen.',
  noPermission: 'Zum Entfernen von Mitgliedern benötigen Sie die Berechtigung „Mitglieder entfernen“.',
};
