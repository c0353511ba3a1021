'use client';

import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import type { SeatKitClient } from '@seatkit/core';
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { en } from './messages/en/index.js';
import { mergeMessages } from './messages/merge.js';
import type { Messages, MessagesOverride } from './messages/types.js';
import { seatkitQueries } from './queries.js';
import { ClassNamesScope, type SeatKitClassNames } from './ui/class-names.js';
import { DirectionContext, localeTextDirection, type SeatKitDirection } from './ui/direction.js';

export interface SeatKitProviderProps {
  /** The client from `createSeatKitClient` (from `@seatkit/core`). */
  client: SeatKitClient;
  /**
   * The organization the components work on (controlled). Leave unset (and `defaultOrgId` too) to
   * use the caller's first membership.
   */
  orgId?: string | null;
  /** The initial organization when uncontrolled. @default the caller's first membership */
  defaultOrgId?: string | null;
  /** Called when a component (e.g. `OrganizationSwitcher`) picks another organization. */
  onOrgIdChange?: (orgId: string) => void;
  /** The host's QueryClient, so the kit shares its cache and devtools. @default a QueryClient of the provider's own */
  queryClient?: QueryClient;
  /** A whole locale (`fr`) or a few overrides, merged over English. @default `en` */
  messages?: Messages | MessagesOverride;
  /** BCP 47 locale for plurals, numbers and dates. @default 'en' */
  locale?: string;
  /**
   * The `dir` of the kit's roots (each component's outermost element and its dialogs), never of the host's page.
   * @default 'rtl' for a right-to-left `locale` (`ar`, `he`: core's `localeDirection`), else the page's (inherited)
   */
  dir?: SeatKitDirection;
  /**
   * Class names for the kit's parts everywhere, keyed by their `data-slot`
   * (`{ button: 'rounded-full', 'member-row': 'hover:bg-muted' }`). A component's own `classNames` add to these.
   */
  classNames?: SeatKitClassNames;
  children?: ReactNode;
}

export interface SeatKitContextValue {
  client: SeatKitClient;
  /** The current organization, or `null` while it is unknown (the caller's memberships are loading, or it has none). */
  orgId: string | null;
  setOrgId: (orgId: string) => void;
  messages: Messages;
  locale: string;
}

const SeatKitContext = createContext<SeatKitContextValue | null>(null);

function createDefaultQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: 30_000, refetchOnWindowFocus: false },
    },
  });
}

/**
 * Provides the client, the current organization and the messages to every SeatKit hook and component.
 *
 * @example
 * const seatkit = createSeatKitClient({ baseUrl: '/seatkit', getToken });
 * <SeatKitProvider client={seatkit} orgId={orgId} onOrgIdChange={setOrgId}>
 *   <AccountUsersPage />
 * </SeatKitProvider>
 */
export function SeatKitProvider({ queryClient, classNames, dir, children, ...props }: SeatKitProviderProps) {
  const [ownQueryClient] = useState(() => queryClient ?? createDefaultQueryClient());
  // An Arabic or Hebrew kit is right to left on any page. A left-to-right locale leaves the direction to the page, so a
  // host that sets `dir` around the kit (a right-to-left rehearsal of an English build, say) keeps it.
  const direction = dir ?? (localeTextDirection(props.locale ?? 'en') === 'rtl' ? 'rtl' : undefined);
  return (
    <QueryClientProvider client={queryClient ?? ownQueryClient}>
      <SeatKitContextProvider {...props}>
        <DirectionContext.Provider value={direction}>
          <ClassNamesScope classNames={classNames}>{children}</ClassNamesScope>
        </DirectionContext.Provider>
      </SeatKitContextProvider>
    </QueryClientProvider>
  );
}

function SeatKitContextProvider({
  client,
  orgId: orgIdProp,
  defaultOrgId,
  onOrgIdChange,
  messages: messagesProp,
  locale = 'en',
  children,
}: Omit<SeatKitProviderProps, 'queryClient'>) {
  // Radix-style controllable state: `orgId` given (even `null`) means controlled.
  const controlled = orgIdProp !== undefined;
  const [uncontrolledOrgId, setUncontrolledOrgId] = useState<string | null>(defaultOrgId ?? null);
  const explicitOrgId = controlled ? orgIdProp : uncontrolledOrgId;

  // With no organization chosen, fall back to the caller's first membership.
  const me = useQuery({ ...seatkitQueries.me(client), enabled: !explicitOrgId && !controlled });
  const orgId = explicitOrgId ?? (controlled ? null : (me.data?.memberships[0]?.organization.id ?? null));

  const setOrgId = useCallback(
    (next: string) => {
      if (!controlled) setUncontrolledOrgId(next);
      onOrgIdChange?.(next);
    },
    [controlled, onOrgIdChange],
  );

  const messages = useMemo(() => mergeMessages(en, messagesProp), [messagesProp]);
  const value = useMemo<SeatKitContextValue>(
    () => ({ client, orgId, setOrgId, messages, locale }),
    [client, orgId, setOrgId, messages, locale],
  );
  return <SeatKitContext.Provider value={value}>{children}</SeatKitContext.Provider>;
}

/**
 * The provider's value: `{ client, orgId, setOrgId, messages, locale }`.
 * Throws, with the fix, when used outside `<SeatKitProvider>`.
 */
export function useSeatKit(): SeatKitContextValue {
  const value = useContext(SeatKitContext);
  if (!value) {
    throw new Error(
      'SeatKit hooks and components must be rendered inside <SeatKitProvider client={…}>. ' +
        "Wrap your admin area: <SeatKitProvider client={createSeatKitClient({ baseUrl, getToken })}>…</SeatKitProvider> " +
        "(import { SeatKitProvider } from '@seatkit/react').",
    );
  }
  return value;
}
