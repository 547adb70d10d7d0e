// Mistakes the types must catch: `npm run check:frameworks` type-checks this file on its own
// (tsconfig.errors.json) and expects an error on each line that uses the card.
import type { IscLoadDetail } from 'integration-sync-card';

const handleLoad = (event: CustomEvent<IscLoadDetail>) => console.log(event.detail.response);

export const mistakes = (
  <>
    <integration-sync-card theme="purple" />
    <integration-sync-card record={123} />
    <integration-sync-card onisc-navigate={handleLoad} />
  </>
);
