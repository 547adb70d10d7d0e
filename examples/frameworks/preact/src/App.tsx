// Preact sets a prop as a property when the element has it, and `onisc-navigate` listens to
// `isc-navigate`. tsconfig "types" brings in the JSX types.
import 'integration-sync-card/define';
import { useMemo, useState } from 'preact/hooks';
import { provider } from './sync-data';

export function App() {
  const [objectId, setObjectId] = useState('42');
  const [loaded, setLoaded] = useState('');
  const [opened, setOpened] = useState('');
  const record = useMemo(() => ({ objectType: 'company', objectId }), [objectId]);
  return (
    <main>
      <button onClick={() => setObjectId('43')}>Show company 43</button>
      <integration-sync-card
        record={record}
        provider={provider}
        theme="light"
        onisc-load={(event) => setLoaded(`Loaded ${event.detail.record.objectType} ${event.detail.record.objectId}`)}
        onisc-navigate={(event) => {
          event.preventDefault(); // open it in the app instead
          setOpened(event.detail.url);
        }}
      />
      <p id="loaded">{loaded}</p>
      <p id="opened">{opened}</p>
    </main>
  );
}
