// `integration-sync-card/server`: the server half of the wire format (no DOM, no Lit; Node ≥ 20
// and any runtime with the Fetch API). Never imports the element.
export { createSyncStatusHandler, type SyncStatusHandler, type SyncStatusHandlerOptions } from './handler.ts';
export type { AuthOption } from './auth.ts';
export { toNodeListener, type NodeListenerOptions, type NodeRequest, type NodeResponse } from './node-listener.ts';
export { createEmbedToken, verifyEmbedToken, type CreateEmbedTokenOptions, type EmbedTokenClaims } from './embed-token.ts';
export { createHealthToken, verifyHealthToken, type CreateHealthTokenOptions, type HealthTokenClaims } from './health-token.ts';
export { verifyHubSpotSignature, type VerifyHubSpotSignatureOptions } from './hubspot-signature.ts';
// The sync ledger (§14): where connectors report outcomes and the card reads them.
export { createSyncLedger, LedgerError, type IngestResult, type LedgerChange, type ResyncRequest, type SqlClient, type SyncLedger, type SyncLedgerOptions } from './ledger/ledger.ts';
// The source side: the same provider interface and demo provider as the card's.
export { createMemoryProvider, type MemoryProviderOptions } from '../data/memory-provider.ts';
export { normalizeResponse } from '../data/normalize.ts';
export type { RecordRef, SyncDataProvider, SyncEvent, SyncStatusResponse } from '../data/types.ts';
