import { AccessGate } from '@seatkit/react';
import { createElement, useLayoutEffect, useRef, type ReactNode } from 'react';
import { SeatKitElement } from './seatkit-element.js';
import type { SeatKitAccessDeniedDetail, SeatKitAccessGrantedDetail } from './types.js';

/** Puts the host's own nodes (the gated content) back into the page while the gate is open. */
function HostContent({ nodes }: { nodes: DocumentFragment }) {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const container = ref.current!;
    container.append(nodes);
    // Closed again (access revoked, element removed): keep the nodes for the next time it opens.
    return () => nodes.append(...container.childNodes);
  }, [nodes]);
  return createElement('div', { ref, 'data-slot': 'access-gate-content', style: { display: 'contents' } });
}

/**
 * `<seatkit-access-gate product="imaging-app" base-url="…">…your product…</seatkit-access-gate>`: the element's
 * children show only to members who may use the product (`AccessGate`); everyone else sees the access-denied panel.
 * Dispatches `seatkit-access-granted` and `seatkit-access-denied` (with the reason) as the answer arrives or changes.
 */
export class SeatKitAccessGateElement extends SeatKitElement {
  protected static override ownAttributes = ['product', 'product-name', 'heading-level', 'recheck-interval'];

  #content: DocumentFragment | null = null;
  #observer: MutationObserver | null = null;
  #reported = '';

  override connectedCallback(): void {
    // The gated content is the host's markup inside the element: taken out before React renders there.
    if (!this.#content) {
      this.#content = this.ownerDocument.createDocumentFragment();
      this.#content.append(...this.childNodes);
    }
    this.#observer = new MutationObserver(() => this.#report());
    this.#observer.observe(this, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-state'] });
    super.connectedCallback();
  }

  override disconnectedCallback(): void {
    this.#observer?.disconnect();
    this.#observer = null;
    this.#reported = '';
    super.disconnectedCallback();
  }

  override attributeChangedCallback(): void {
    this.#reported = '';
    super.attributeChangedCallback();
  }

  /** The gate's answer, read from what it renders: the content, the denied panel (with its reason), or neither yet. */
  #report(): void {
    const product = this.getAttribute('product') ?? '';
    let state = '';
    let event: [string, SeatKitAccessGrantedDetail | SeatKitAccessDeniedDetail] | null = null;
    if (this.querySelector(':scope > [data-slot="access-gate-content"]')) {
      state = 'granted';
      event = ['seatkit-access-granted', { product }];
    } else {
      const panel = this.querySelector('[data-slot="access-gate"][data-state="denied"]');
      const reason = panel?.getAttribute('data-reason');
      if (reason) {
        state = `denied:${reason}`;
        event = ['seatkit-access-denied', { product, reason }];
      }
    }
    if (state === this.#reported) return;
    this.#reported = state;
    if (event) this.emit(event[0], event[1]);
  }

  protected renderComponent(): ReactNode {
    const product = this.getAttribute('product');
    if (!product) {
      console.error('<seatkit-access-gate> needs a product attribute: the product key to check.');
      return null;
    }
    const productName = this.getAttribute('product-name');
    const headingLevel = this.headingLevel([1, 2, 3, 4] as const);
    const recheck = this.getAttribute('recheck-interval');
    return createElement(
      AccessGate,
      {
        product,
        ...(productName ? { productName } : {}),
        ...(headingLevel ? { headingLevel } : {}),
        ...(recheck === 'off' ? { recheckInterval: false as const } : {}),
        ...(this.numberAttribute('recheck-interval') !== undefined ? { recheckInterval: this.numberAttribute('recheck-interval')! } : {}),
      },
      createElement(HostContent, { nodes: this.#content! }),
    );
  }
}
