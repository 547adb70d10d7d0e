'use client';
// Mistakes the types must catch: `npm run check:frameworks` type-checks this file on its own
// (tsconfig.errors.json) and expects an error on each line that uses the card.
import type { IscLoadDetail } from 'integration-sync-card';
import { IntegrationSyncCard } from 'integration-sync-card/react';

const handleLoad = (event: CustomEvent<IscLoadDetail>) => console.log(event.detail.response);

export const mistakes = (
  <>
    <IntegrationSyncCard theme="purple" />
    <IntegrationSyncCard record={123} />
    <IntegrationSyncCard onIscNavigate={handleLoad} />
  </>
);
