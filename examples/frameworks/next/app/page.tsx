// A Server Component: Next.js renders the page on the server (`next build` prerenders it), the
// browser hydrates it. The card lives in a Client Component, since it takes a provider object and
// event handlers, which cannot cross from the server to the client.
import { SyncCardPanel } from './sync-card-panel';

export default function Page() {
  return (
    <main>
      <h1>Company</h1>
      <SyncCardPanel />
    </main>
  );
}
