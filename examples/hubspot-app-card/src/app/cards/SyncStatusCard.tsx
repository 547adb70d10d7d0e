// The HubSpot app card: a summary of the record's sync status from the backend route
// (backend/card-route.mjs, through hubspot.fetch, which HubSpot signs), and a button that opens
// the full card (dist/embed.html, authenticated by the embed token in its URL) in a modal; with
// the backend's healthUrl, a "Sync health" button opens the portal's health page the same way.
import React, { useEffect, useState } from 'react';
import { Button, ErrorState, Flex, LoadingSpinner, StatusTag, Text, hubspot } from '@hubspot/ui-extensions';
import type { CrmContext } from '@hubspot/ui-extensions';

/** Your backend route; its origin must be listed in app-hsmeta.json's permittedUrls.fetch. */
const BACKEND_URL = 'https://sync.example.com/hubspot/card';

type Status = 'up_to_date' | 'sync_not_found' | 'sync_disabled' | 'record_not_synced' | 'sync_unknown' | 'record_excluded' | 'in_progress';
interface CardAnswer {
  summary: { id: string; label: string; status: Status }[];
  /** The iframe page with the record in its query and a fresh embed token in its fragment. */
  iframeUrl: string;
  /** The portal's sync health page with a fresh health token, when the backend serves one. */
  healthUrl?: string;
}

const LABELS: Record<Status, string> = {
  up_to_date: 'Up to date',
  sync_not_found: 'Sync not found',
  sync_disabled: 'Sync disabled',
  record_not_synced: 'Record not synced',
  sync_unknown: 'Sync unknown',
  record_excluded: 'Record excluded',
  in_progress: 'Syncing',
};
const VARIANTS: Record<Status, 'success' | 'warning' | 'danger' | 'info' | 'default'> = {
  up_to_date: 'success',
  sync_not_found: 'warning',
  sync_disabled: 'default',
  record_not_synced: 'danger',
  sync_unknown: 'default',
  record_excluded: 'info',
  in_progress: 'info',
};

type OpenIframeModal = (action: { uri: string; title?: string; width: number; height: number }, onClose?: () => void) => void;

hubspot.extend<'crm.record.tab'>(({ context, actions }) => <SyncStatusCard context={context} openIframeModal={actions.openIframeModal} />);

export function SyncStatusCard({ context, openIframeModal }: { context: CrmContext; openIframeModal: OpenIframeModal }) {
  const [answer, setAnswer] = useState<CardAnswer | null>(null);
  const [failed, setFailed] = useState(false);

  const load = async (): Promise<CardAnswer> => {
    const response = await hubspot.fetch(BACKEND_URL, {
      method: 'POST',
      timeout: 10_000,
      body: { objectTypeId: context.crm.objectTypeId, objectId: context.crm.objectId },
    });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return (await response.json()) as CardAnswer;
  };

  useEffect(() => {
    load().then(setAnswer, () => setFailed(true));
  }, [context.crm.objectId]);

  // A token lives 15 minutes: each opening mints a fresh one.
  const open = async () => {
    const fresh = await load().catch(() => null);
    if (!fresh) return setFailed(true);
    openIframeModal({ uri: fresh.iframeUrl, title: 'Integration sync', width: 720, height: 640 }, () => {
      load().then(setAnswer, () => undefined);
    });
  };

  const openHealth = async () => {
    const fresh = await load().catch(() => null);
    if (!fresh?.healthUrl) return setFailed(true);
    openIframeModal({ uri: fresh.healthUrl, title: 'Sync health', width: 1000, height: 720 }, () => {
      load().then(setAnswer, () => undefined);
    });
  };

  if (failed) return <ErrorState title="The sync status could not be loaded."><Text>Try again in a moment.</Text></ErrorState>;
  if (!answer) return <LoadingSpinner label="Loading the sync status" />;
  return (
    <Flex direction="column" gap="small">
      {answer.summary.length === 0 ? <Text>No integration syncs this record.</Text> : null}
      {answer.summary.map((sync) => (
        <Flex key={sync.id} direction="row" gap="small" align="center">
          <Text format={{ fontWeight: 'demibold' }}>{sync.label}</Text>
          <StatusTag variant={VARIANTS[sync.status]}>{LABELS[sync.status]}</StatusTag>
        </Flex>
      ))}
      <Flex direction="row" gap="small">
        <Button onClick={open}>Open sync details</Button>
        {answer.healthUrl ? <Button onClick={openHealth}>Sync health</Button> : null}
      </Flex>
    </Flex>
  );
}
