import { AccessGate, useOrganization } from '@seatkit/react';
import { PRODUCT_KEY } from '../config.js';

/**
 * The product itself, behind `AccessGate`: only members holding a seat of an active Imaging App
 * subscription see it; everyone else gets the access-denied message, the reason, and a way to ask an admin.
 */
export function ProductPage() {
  return (
    <AccessGate product={PRODUCT_KEY} productName="Imaging App" headingLevel={1}>
      <ImagingApp />
    </AccessGate>
  );
}

function ImagingApp() {
  const org = useOrganization();
  return (
    <section className="product" aria-labelledby="product-title">
      <h1 id="product-title">Imaging App</h1>
      <p>
        Welcome to Imaging App{org.data ? ` for ${org.data.name}` : ''}. Your seat is active: this is where the product
        would open.
      </p>
    </section>
  );
}
