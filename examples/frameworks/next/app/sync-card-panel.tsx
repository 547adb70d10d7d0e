'use client';
// integration-sync-card/react sets `record`, `provider` and the listeners on the element once React
// hydrates the server's HTML, and again on each render (only `record` changes below: the provider
// is the same object throughout). Plain <integration-sync-card> JSX would leave them unset here.
import { IntegrationSyncCard } from 'integration-sync-card/react';
import { useMemo, useState } from 'react';
import { provider } from './sync-data';

export function SyncCardPanel() {
  const [objectId, setObjectId] = useState('42');
  const [loaded, setLoaded] = useState('');
  const [opened, setOpened] = useState('');
  const record = useMemo(() => ({ objectType: 'company', objectId }), [objectId]);
  return (
    <>
      <button onClick={() => setObjectId('43')}>Show company 43</button>
      <IntegrationSyncCard
        record={record}
        provider={provider}
        theme="light"
        onIscLoad={(event) => setLoaded(`Loaded ${event.detail.record.objectType} ${event.detail.record.objectId}`)}
        onIscNavigate={(event) => {
          event.preventDefault(); // open it in the app instead
          setOpened(event.detail.url);
        }}
      />
      <p id="loaded">{loaded}</p>
      <p id="opened">{opened}</p>
    </>
  );
}
