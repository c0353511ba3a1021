import { Controls, Description, Primary, Subtitle, Title } from '@storybook/addon-docs/blocks';
import type { Decorator, Loader, Preview } from '@storybook/react-vite';
import { useLayoutEffect } from 'react';
import { localeDirection, resolveLocale } from '@seatkit/core/contract';
import { SeatKitProvider, type Messages } from '@seatkit/react';
import { ORGS, prepareStoryBackend, VIEWERS, type OrgKey, type SeatKitParameters, type ViewerKey } from './backend';
import { StoryBackendContext } from './story-backend-context';
import { STORY_VIEWPORTS } from './story-helpers';
// The kit's shipped stylesheet (the same files `@seatkit/react/styles.css` is built from).
import './styles';
import './preview.css';

/** Every catalog of the kit, by BCP 47 tag: one directory each (what `@seatkit/react/locales/<tag>` publishes). */
const LOCALES: Record<string, Messages> = Object.fromEntries(
  Object.entries(import.meta.glob<Record<string, Messages>>('../packages/react/src/messages/*/index.ts', { eager: true })).map(
    ([path, module]) => [path.split('/').at(-2)!, Object.values(module)[0]!],
  ),
);
type LocaleKey = string;

/**
 * Resets the in-page server to the demo seed, applies the story's `parameters.seatkit.setup` and
 * signs in as the toolbar's viewer (or `parameters.seatkit.signInAs`). Docs pages show only the
 * primary story (see `parameters.docs.page`), so two stories never reset the server under each other.
 */
const backendLoader: Loader = async (context) => {
  const parameters = (context.parameters.seatkit ?? {}) as SeatKitParameters;
  if (parameters.provider === false && !parameters.setup) return {};
  const preparing = prepareStoryBackend({
    storyId: context.id,
    viewer: (context.globals.viewer as ViewerKey) ?? 'admin',
    org: (context.globals.org as OrgKey) ?? 'auto',
    parameters,
  });
  // Left before its backend is ready (the designer clicked on in the sidebar): Storybook reloads the whole preview, a
  // new first open, when the story it leaves is still loading a few ticks after aborting it. The loader ends at once
  // instead; the reset and setup finish in the background and the next story's preparation waits for them.
  const { abortSignal } = context;
  const aborted = new Promise<undefined>((resolve) => abortSignal.addEventListener('abort', () => resolve(undefined), { once: true }));
  preparing.catch(() => undefined);
  const backend = abortSignal.aborted ? undefined : await Promise.race([preparing, aborted]);
  return backend ? { seatkit: backend } : {};
};

/** Theme, direction and language on <html>: Radix portals dialogs into <body>, outside the story's root. */
function DocumentSettings({ theme, dir, lang }: { theme: string; dir: string; lang: string }) {
  useLayoutEffect(() => {
    const root = document.documentElement;
    root.classList.toggle('dark', theme === 'dark');
    // Explicit `light` as well: the theme otherwise follows the OS setting.
    root.classList.toggle('light', theme !== 'dark');
    root.dir = dir;
    root.lang = lang;
  }, [theme, dir, lang]);
  return null;
}

const withDocumentSettings: Decorator = (Story, context) => {
  const { theme = 'light', locale = 'en', ...globals } = context.globals as Record<string, string>;
  // Arabic and Hebrew are right to left whatever the direction toolbar says (core's RTL_LOCALES, the emails' too).
  const dir = localeDirection(resolveLocale(locale)) === 'rtl' ? 'rtl' : (globals.dir ?? 'ltr');
  return (
    <>
      <DocumentSettings theme={theme} dir={dir} lang={locale} />
      <div className="sb-seatkit-canvas" dir={dir}>
        <Story />
      </div>
    </>
  );
};

const withSeatKit: Decorator = (Story, context) => {
  const backend = context.loaded.seatkit;
  const parameters = (context.parameters.seatkit ?? {}) as SeatKitParameters;
  if (!backend) return <Story />;
  const locale = ((context.globals.locale as LocaleKey) in LOCALES ? context.globals.locale : 'en') as LocaleKey;
  return (
    <StoryBackendContext.Provider value={backend}>
      {parameters.provider === false ? (
        <Story />
      ) : (
        <SeatKitProvider
          // A new provider per story load: the organization switcher starts from the toolbar's org.
          key={backend.orgId}
          client={backend.client}
          queryClient={backend.queryClient}
          // A story's setup may point at an organization it created (scenarios.newOrganization).
          defaultOrgId={backend.values.orgId ?? backend.orgId}
          messages={LOCALES[locale]}
          locale={locale}
        >
          <Story />
        </SeatKitProvider>
      )}
    </StoryBackendContext.Provider>
  );
};

const preview: Preview = {
  // Decorators run inside out: the provider sits inside the themed canvas.
  decorators: [withSeatKit, withDocumentSettings],
  loaders: [backendLoader],
  globalTypes: {
    viewer: {
      description: 'Who is signed in (permissions follow their role)',
      toolbar: {
        title: 'Viewer',
        icon: 'user',
        items: Object.entries(VIEWERS).map(([value, v]) => ({ value, title: v.title })),
        dynamicTitle: true,
      },
    },
    org: {
      description: 'The organization the components work on',
      toolbar: {
        title: 'Organization',
        icon: 'home',
        items: Object.entries(ORGS).map(([value, title]) => ({ value, title })),
        dynamicTitle: true,
      },
    },
    locale: {
      description: 'Messages and number/date formats',
      toolbar: {
        title: 'Locale',
        icon: 'globe',
        // Each language named in itself: Deutsch, español, العربية.
        items: Object.keys(LOCALES).map((value) => ({ value, title: new Intl.DisplayNames([value], { type: 'language' }).of(value) ?? value })),
        dynamicTitle: true,
      },
    },
    theme: {
      description: 'Light or dark theme',
      toolbar: {
        title: 'Theme',
        icon: 'mirror',
        items: [
          { value: 'light', title: 'Light', icon: 'sun' },
          { value: 'dark', title: 'Dark', icon: 'moon' },
        ],
        dynamicTitle: true,
      },
    },
    dir: {
      description: 'Text direction',
      toolbar: {
        title: 'Direction',
        icon: 'transfer',
        items: [
          { value: 'ltr', title: 'Left to right' },
          { value: 'rtl', title: 'Right to left' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { viewer: 'admin', org: 'auto', locale: 'en', theme: 'light', dir: 'ltr' },
  parameters: {
    layout: 'padded',
    docs: {
      // One live story per docs page: every story resets the one in-page server, so a page that
      // rendered all of a component's stories at once would have them wipe each other's data.
      // Each state has its own entry in the sidebar.
      page: () => (
        <>
          <Title />
          <Subtitle />
          <Description />
          <Primary />
          <Controls />
        </>
      ),
    },
    controls: { expanded: true },
    // The two widths every component is shown at (variants.phone / variants.desktop), beside
    // Storybook's own sizes; the story tests resize the browser to a story's viewport.
    viewport: { options: STORY_VIEWPORTS },
    // Any axe violation fails the story's test (and shows in the a11y panel).
    a11y: { test: 'error' },
    options: {
      storySort: {
        order: ['Introduction', 'Theming', 'Messages', 'Workflows', 'Pages', 'Members', 'Invitations', 'Seats', 'Access'],
      },
    },
  },
  tags: ['autodocs'],
};

export default preview;
