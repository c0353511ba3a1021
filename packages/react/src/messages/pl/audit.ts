import type { Messages } from '../types.js';

/**
 * `AuditLog`: dziennik audytu organizacji, jedno zdanie na zdarzenie. Sentences read "{actor} — dodano …": the Polish past
 * tense is gendered and the actor's gender is unknown, and names cannot be declined, so the verb is impersonal and a
 * name follows a noun that carries its case (członka {target}).
 */
export const audit: Messages['audit'] = {
  title: 'Dziennik audytu',
  filtersLabel: 'Filtruj dziennik audytu',
  actorLabel: 'Wykonawca',
  actorAny: 'Ktokolwiek',
  actionLabel: 'Akcja',
  actionAny: 'Dowolna akcja',
  targetLabel: 'Dotyczy członka',
  targetAny: 'Dowolny członek',
  fromLabel: 'Od',
  toLabel: 'Do',
  rangeInvalid: 'Data końcowa jest wcześniejsza niż początkowa.',
  clearFilters: 'Wyczyść filtry',
  someoneActor: 'Ktoś',
  someone: '(nieznana osoba)',
  actions: {
    member: {
      added: 'Dodanie członka',
      updated: 'Zmiana członka',
      removed: 'Usunięcie członka',
    },
    invitation: {
      created: 'Wysłanie zaproszenia',
      resent: 'Ponowne wysłanie zaproszenia',
      revoked: 'Cofnięcie zaproszenia',
      accepted: 'Akceptacja zaproszenia',
    },
    seat: {
      assigned: 'Przypisanie licencji',
      unassigned: 'Odebranie licencji',
      reserved: 'Rezerwacja licencji dla zaproszonej osoby',
      reclaimed: 'Odzyskanie nieużywanej licencji',
    },
    seat_request: {
      created: 'Prośba o licencję',
      approved: 'Zatwierdzenie prośby o licencję',
      denied: 'Odrzucenie prośby o licencję',
    },
    role: {
      created: 'Utworzenie roli',
      updated: 'Zmiana roli',
      deleted: 'Usunięcie roli',
    },
    organization: {
      created: 'Utworzenie organizacji',
      updated: 'Zmiana ustawień organizacji',
      ownership_transferred: 'Przekazanie własności',
    },
    subscription: {
      created: 'Dodanie subskrypcji',
      updated: 'Zmiana subskrypcji',
      reclaim_policy_set: 'Ustawienie zasad nieużywanych licencji',
    },
    webhook_endpoint: {
      created: 'Dodanie punktu końcowego webhooka',
      updated: 'Zmiana punktu końcowego webhooka',
      deleted: 'Usunięcie punktu końcowego webhooka',
      secret_rotated: 'Wymiana sekretu webhooka',
    },
  },
  sentences: {
    member: {
      added: '{actor} — dodano członka {target} z rolą {role}',
      updated: '{actor} — zmieniono dane członka {target}',
      roleChanged: '{actor} — zmieniono rolę członka {target} z {from} na {to}',
      suspended: '{actor} — zawieszono członka {target}',
      reactivated: '{actor} — ponownie aktywowano członka {target}',
      removed: '{actor} — usunięto członka {target} z organizacji',
    },
    invitation: {
      created: '{actor} — zaproszono {email} z rolą {role}',
      resent: '{actor} — ponownie wysłano zaproszenie do {email}',
      revoked: '{actor} — cofnięto zaproszenie dla {email}',
      accepted: '{member} — akceptacja zaproszenia i dołączenie do organizacji',
    },
    seat: {
      assigned: '{actor} — przypisano {product} członkowi {target}',
      unassigned: '{actor} — odebrano licencję {product} członkowi {target}',
      reserved: '{actor} — zarezerwowano licencję {product} dla {email}',
      reclaimed: '{actor} — odzyskano nieużywaną licencję {product} od członka {target}',
    },
    seat_request: {
      created: '{actor} — prośba o licencję {product}',
      approved: '{actor} — zatwierdzono prośbę członka {member} o {product}',
      denied: '{actor} — odrzucono prośbę członka {member} o {product}',
    },
    role: {
      created: '{actor} — utworzono rolę {role}',
      updated: '{actor} — zmieniono rolę {role}',
      deleted: '{actor} — usunięto rolę {role}',
    },
    organization: {
      created: 'Utworzono organizację {name}',
      updated: '{actor} — zmieniono ustawienia organizacji',
      languageChanged: '{actor} — zmieniono język organizacji z „{from}” na „{to}”',
      ownership_transferred: '{actor} — przekazano własność organizacji członkowi {target}',
    },
    subscription: {
      created: '{actor} — dodano subskrypcję {product}',
      updated: '{actor} — zmieniono subskrypcję {product}',
      reclaim_policy_set: '{actor} — ustawiono zasady nieużywanych licencji {product}',
    },
    webhook_endpoint: {
      created: '{actor} — dodano punkt końcowy webhooka {url}',
      updated: '{actor} — zmieniono punkt końcowy webhooka {url}',
      deleted: '{actor} — usunięto punkt końcowy webhooka {url}',
      secret_rotated: '{actor} — wymieniono sekret podpisu punktu końcowego webhooka {url}',
    },
    other: '{actor} — {action}',
  },
  details: 'Szczegóły',
  detailsLabel: 'Szczegóły: {sentence}',
  requestId: 'ID żądania',
  exportCsv: 'Eksportuj CSV',
  exported: '{count, plural, =0 {Brak zdarzeń do wyeksportowania.} one {Wyeksportowano # zdarzenie.} few {Wyeksportowano # zdarzenia.} many {Wyeksportowano # zdarzeń.} other {Wyeksportowano # zdarzenia.}}',
  exportCapped: 'Wyeksportowano tylko {count, plural, one {# najnowsze zdarzenie} few {# najnowsze zdarzenia} many {# najnowszych zdarzeń} other {# najnowszego zdarzenia}}; zawęź filtry, aby wyeksportować resztę.',
  exportFailed: 'Eksport nie powiódł się: {reason}',
  csvHeader: { time: 'Czas (UTC)', actor: 'Wykonawca', actorEmail: 'E-mail wykonawcy', action: 'Akcja', event: 'Zdarzenie', targetType: 'Typ obiektu', targetId: 'ID obiektu', data: 'Dane', requestId: 'ID żądania' },
  emptyTitle: 'Brak zdarzeń',
  emptyDescription: 'Tutaj zapisywane są zmiany dotyczące członków, zaproszeń, licencji i ról.',
  emptyFilteredTitle: 'Brak zdarzeń pasujących do filtrów',
  emptyFilteredDescription: 'Spróbuj innych filtrów lub szerszego zakresu dat.',
  errorTitle: 'Nie udało się wczytać dziennika audytu',
  noPermission: 'Aby zobaczyć dziennik audytu, potrzebujesz uprawnienia „Wyświetlanie dziennika audytu”.',
  loadMore: 'Pokaż więcej zdarzeń',
};
