// `npm run check:examples` (CI runs it): the CRM examples that need packages of their own are
// installed from the registry with their lockfiles and type-checked against the real packages:
// examples/hubspot-app-card (the app card against @hubspot/ui-extensions, with HubSpot's React 18
// and a TypeScript 5 of its own).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const cards = `${root}examples/hubspot-app-card/src/app/cards`;
const run = (command, args, cwd) => {
  console.log(`> ${command} ${args.join(' ')}  (${cwd.replace(root, '')})`);
  const result = spawnSync(command, args, { cwd, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

run('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], cards);
run('npm', ['run', 'typecheck'], cards);
console.log('examples: the HubSpot app card type-checks against @hubspot/ui-extensions');
