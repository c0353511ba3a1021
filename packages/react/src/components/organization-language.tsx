'use client';

import { isSupportedLocale, SUPPORTED_LOCALES, type SupportedLocale } from '@seatkit/core';
import { forwardRef, useId, useState, type FormEvent } from 'react';
import { useCurrentMember } from '../hooks/use-current-member.js';
import { useOrganization } from '../hooks/use-organization.js';
import { useUpdateOrganization } from '../hooks/use-update-organization.js';
import { format } from '../messages/format.js';
import { languageName } from '../messages/formatters.js';
import { useSeatKit } from '../provider.js';
import { Button } from '../ui/button.js';
import { withClassNames, useSlots, type SeatKitClassNames } from '../ui/class-names.js';
import { cx } from '../ui/cx.js';
import { DisabledReason } from '../ui/disabled-reason.js';
import { ErrorState } from '../ui/error-state.js';
import { Select } from '../ui/select.js';
import { LoadingState } from '../ui/spinner.js';
import { StatusMessage } from '../ui/status-message.js';

export interface OrganizationLanguageProps {
  /** Called with the new locale once the server has saved it. */
  onSaved?: (locale: SupportedLocale) => void;
  /** Class of the root (`organization-language`). */
  className?: string;
  /** Classes of the parts, keyed by `data-slot` (`organization-language-form`, `select`, `button`, …). */
  classNames?: SeatKitClassNames;
}

// Each language named in itself, once: the list is the same for every viewer and every render.
const OPTIONS = SUPPORTED_LOCALES.map((tag) => ({ value: tag, label: languageName(tag), lang: tag }));

/**
 * The organization's language, which its emails (invitations, notices) are written in: a choice of core's
 * `SUPPORTED_LOCALES`, each named in itself. The owner saves it; anyone else sees it, disabled, with the reason (the
 * server stays the judge: it answers `owner_required`, shown like any error).
 *
 * @example <SeatKitProvider client={seatkit}><OrganizationLanguage /></SeatKitProvider>
 */
export const OrganizationLanguage = /* @__PURE__ */ withClassNames(forwardRef<HTMLElement, OrganizationLanguageProps>(function OrganizationLanguage(
  { onSaved, className },
  ref,
) {
  const { messages, locale } = useSeatKit();
  const t = messages.organizationLanguage;
  const slot = useSlots();
  const id = useId();
  const current = useCurrentMember();
  const me = current.member;
  // Only a member may read the organization (anyone else would get a 404): the same rule as AccountUsersPage.
  const organization = useOrganization({ enabled: Boolean(me) });
  const update = useUpdateOrganization();
  const [choice, setChoice] = useState<SupportedLocale | null>(null);
  const [outcome, setOutcome] = useState<string | null>(null);

  const saved = organization.data?.locale;
  const value = choice ?? (isSupportedLocale(saved) ? saved : 'en');
  const isOwner = me?.role === 'owner';
  const reasonId = `${id}-reason`;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!isOwner) return;
    setOutcome(null);
    update.mutate(
      { locale: value },
      {
        onSuccess: (org) => {
          setChoice(null);
          setOutcome(format(t.saved, { language: languageName(org.locale) }, locale));
          onSaved?.(org.locale as SupportedLocale);
        },
      },
    );
  }

  const error = current.error ?? organization.error;
  let content;
  if (error) {
    const retry = () => void (current.error ? current.refetch() : organization.refetch());
    content = <ErrorState size="inline" error={error} title={t.loadError} onRetry={retry} />;
  } else if (me === null) {
    content = <DisabledReason reason={t.ownerOnly} />;
  } else if (organization.isPending) {
    content = <LoadingState label={messages.common.loading} />;
  } else {
    content = (
      <form noValidate onSubmit={submit} {...slot('organization-language-form')}>
        <Select
          id={`${id}-select`}
          label={t.label}
          description={t.description}
          options={OPTIONS}
          value={value}
          disabled={!isOwner}
          aria-describedby={cx(`${id}-select-description`, !isOwner && reasonId) || undefined}
          onChange={(event) => setChoice(event.currentTarget.value as SupportedLocale)}
        />
        {isOwner ? (
          <Button type="submit" variant="primary" loading={update.isPending}>
            {t.save}
          </Button>
        ) : null}
        {me && !isOwner ? <DisabledReason id={reasonId} reason={t.ownerOnly} /> : null}
        {update.isError ? <ErrorState size="inline" error={update.error} title={t.error} /> : null}
      </form>
    );
  }

  // A landmark named like the control, as the kit's other roots are: in every state, the loading one included.
  return (
    <section
      ref={ref}
      aria-label={t.label}
      {...slot('organization-language', 'seatkit-root seatkit-organization-language', className)}
      data-state={error ? 'error' : me !== null && organization.isPending ? 'loading' : update.isPending ? 'saving' : isOwner ? 'idle' : 'read-only'}
    >
      {content}
      <StatusMessage slot="organization-language-status" message={outcome} />
    </section>
  );
}));
