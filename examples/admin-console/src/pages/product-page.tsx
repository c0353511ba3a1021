export function ProductPage() {
  return <h1>Imaging App</h1>;
}
