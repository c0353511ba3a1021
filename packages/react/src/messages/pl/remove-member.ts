import type { Messages } from '../types.js';

export const removeMember: Messages['removeMember'] = {
  title: 'Usunąć członka {name}?',
  description: '{name} ({email}) natychmiast straci dostęp do tej organizacji, a wraz z nim:',
  losesRole: 'rolę: {role}',
  losesSeats: '{count, plural, =0 {brak licencji do zwolnienia} one {swoją licencję (zostanie zwolniona dla innych)} few {swoje # licencje (zostaną zwolnione dla innych)} many {swoje # licencji (zostaną zwolnione dla innych)} other {swoje # licencji (zostaną zwolnione dla innych)}}',
  losesPending: 'swoje oczekujące zaproszenia i wszystko, co na nią czeka',
  emailNotice: 'Ta osoba otrzyma e-mail z informacją, że jej konto oczekuje na usunięcie.',
  confirm: 'Usuń',
  removing: 'Usuwanie…',
  removed: 'Usunięto członka {name}.',
  errorTitle: 'Nie udało się usunąć członka',
  ownerReason: 'Nie można usunąć właściciela. Najpierw przekaż własność komuś innemu.',
  adminReason: 'Tylko właściciel może usunąć administratora.',
  noPermission: 'Aby usuwać członków, potrzebujesz uprawnienia „Usuwanie członków”.',
};
