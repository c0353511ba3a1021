import { createSeatKitClient, type SeatKitClient } from '@seatkit/core';
import { SeatKitProvider, type Messages } from '@seatkit/react';
import { QueryClient } from '@tanstack/react-query';
import { createElement, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { loadMessages } from './locales.js';
import { adoptKitStyles } from './styles.js';
import type { GetToken } from './types.js';

/** The attributes every SeatKit element reads; each element adds its own. */
const SHARED_ATTRIBUTES = ['base-url', 'org-id', 'locale'];

interface Connection {
  baseUrl: string;
  getToken: GetToken | undefined;
  client: SeatKitClient;
  queryClient: QueryClient;
}

/**
 * A custom element that renders one SeatKit React component inside its own `<SeatKitProvider>`, in the light DOM.
 * Attribute changes re-render; removing the element unmounts React (and adding it back mounts it again).
 */
export abstract class SeatKitElement extends HTMLElement {
  /** The element's own attributes, besides `base-url`, `org-id` and `locale`. */
  protected static ownAttributes: string[] = [];

  static get observedAttributes(): string[] {
    return [...SHARED_ATTRIBUTES, ...this.ownAttributes];
  }

  #root: Root | null = null;
  #getToken: GetToken | undefined;
  #connection: Connection | null = null;
  #messages: { locale: string | null; messages: Messages } | null = null;
  #warned = false;

  /**
   * Returns the signed-in user's bearer token (or null), awaited before every request.
   * Setting another function starts from an empty cache: it may belong to another person.
   */
  get getToken(): GetToken | undefined {
    return this.#getToken;
  }
  set getToken(value: GetToken | undefined) {
    this.#getToken = value;
    this.#render();
  }

  connectedCallback(): void {
    // A `getToken` set on the element before its definition loaded is an own property shadowing the accessor.
    if (Object.prototype.hasOwnProperty.call(this, 'getToken')) {
      const value = (this as { getToken?: GetToken }).getToken;
      delete (this as { getToken?: GetToken }).getToken;
      this.getToken = value;
    }
    adoptKitStyles(this.ownerDocument);
    this.#root ??= createRoot(this);
    this.#render();
  }

  disconnectedCallback(): void {
    this.#root?.unmount();
    this.#root = null;
  }

  attributeChangedCallback(): void {
    this.#render();
  }

  /** The component to render inside the provider. */
  protected abstract renderComponent(): ReactNode;

  /** Dispatches a `CustomEvent` that bubbles out of the element (and out of any shadow root holding it). */
  protected emit<T>(type: string, detail: T): void {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  /** Re-renders with the current attributes and properties (subclasses call it when their own state changes). */
  protected update(): void {
    this.#render();
  }

  #connect(baseUrl: string): Connection {
    const current = this.#connection;
    if (current && current.baseUrl === baseUrl && current.getToken === this.#getToken) return current;
    const getToken = this.#getToken;
    this.#connection = {
      baseUrl,
      getToken,
      client: createSeatKitClient({ baseUrl, getToken: () => getToken?.() ?? null }),
      queryClient: new QueryClient({ defaultOptions: { queries: { staleTime: 30_000, refetchOnWindowFocus: false } } }),
    };
    current?.queryClient.clear();
    return this.#connection;
  }

  #render(): void {
    const root = this.#root;
    if (!root) return;
    const baseUrl = this.getAttribute('base-url');
    if (!baseUrl) {
      if (!this.#warned) console.error(`<${this.localName}> needs a base-url attribute: the SeatKit server's URL.`);
      this.#warned = true;
      root.render(null);
      return;
    }
    const locale = this.getAttribute('locale');
    // Nothing until the catalog is there, so a French page never flashes English.
    if (this.#messages?.locale !== locale) {
      loadMessages(locale).then(
        (messages) => {
          if (this.getAttribute('locale') !== locale) return;
          this.#messages = { locale, messages };
          this.#render();
        },
        // The catalog's chunk did not load (the network, a moved file): say which, instead of an unhandled rejection.
        (error: unknown) => console.error(`<${this.localName}> could not load the "${locale}" messages:`, error),
      );
      if (!this.#messages) return;
    }
    const { client, queryClient } = this.#connect(baseUrl);
    const orgId = this.getAttribute('org-id');
    root.render(
      createElement(
        SeatKitProvider,
        {
          client,
          queryClient,
          // No attribute: the caller's first organization (uncontrolled); with one, the host decides.
          ...(orgId !== null ? { orgId: orgId || null } : {}),
          onOrgIdChange: (next: string) => this.emit('seatkit-org-change', { orgId: next }),
          messages: this.#messages!.messages,
          locale: locale || 'en',
        },
        this.renderComponent(),
      ),
    );
  }

  /** An integer attribute, or undefined when absent or not a number. */
  protected numberAttribute(name: string): number | undefined {
    const value = this.getAttribute(name);
    const parsed = value === null || value.trim() === '' ? NaN : Number(value);
    return Number.isFinite(parsed) ? parsed : undefined;
  }

  /** A heading level attribute (1–4), or undefined for the component's default. */
  protected headingLevel<L extends number>(allowed: readonly L[]): L | undefined {
    const level = this.numberAttribute('heading-level');
    return allowed.includes(level as L) ? (level as L) : undefined;
  }
}
