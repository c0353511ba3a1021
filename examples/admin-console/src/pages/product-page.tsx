import { AccessGate, useOrganization } from '@seatkit/react';
import type { Product } from '../config.js';

/**
 * A product itself, behind `AccessGate`: only members holding a seat of an active subscription of it see
 * it; everyone else gets the access-denied message, the reason, and a way to ask an admin.
 */
export function ProductPage({ product }: { product: Product }) {
  return (
    <AccessGate product={product.key} productName={product.name} headingLevel={1}>
      <ProductHome name={product.name} />
    </AccessGate>
  );
}

function ProductHome({ name }: { name: string }) {
  const org = useOrganization();
  return (
    <section className="product" aria-labelledby="product-title">
      <h1 id="product-title">{name}</h1>
      <p>
        Welcome to {name}
        {org.data ? ` for ${org.data.name}` : ''}. Your seat is active: this is where the product would open.
      </p>
    </section>
  );
}
