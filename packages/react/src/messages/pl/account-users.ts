import type { Messages } from '../types.js';

export const accountUsers: Messages['accountUsers'] = {
  title: 'Użytkownicy konta',
  description: 'Osoby w organizacji {org}, ich zaproszenia i licencje.',
  membersHeading: 'Członkowie',
  invitationsHeading: 'Zaproszenia',
  subscriptionsHeading: 'Subskrypcje',
  rolesHeading: 'Role',
  settingsHeading: 'Ustawienia',
  requestsHeading: '{count, plural, =0 {Prośby o licencję} one {Prośby o licencję (oczekujące: #)} few {Prośby o licencję (oczekujące: #)} many {Prośby o licencję (oczekujące: #)} other {Prośby o licencję (oczekujące: #)}}',
  noAccessTitle: 'Nie możesz wyświetlać użytkowników tego konta',
  noAccessDescription: 'Poproś administratora o uprawnienie „Wyświetlanie członków”.',
  noOrgTitle: 'Nie wybrano organizacji',
  noOrgDescription: 'Wybierz organizację, aby zarządzać jej użytkownikami.',
};
