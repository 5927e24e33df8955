import type { EngineStartOptions } from '../../shared/contract/engine-process';

type StoreChoice = Pick<EngineStartOptions, 'store'> & { access: 'local' | 'accounts' };

/**
 * Where this workstation keeps its data, and so who uses it. On its own SQLite the operator is the
 * signed-in Windows user, with no sign-in; on a PostgreSQL shared by several workstations
 * (`--pg-url` or VIGIA_PG_URL, as for the headless server) each person signs in with a named user.
 */
export function desktopStore(argv: readonly string[], env: NodeJS.ProcessEnv): StoreChoice {
  const flag = argv.find((arg) => arg.startsWith('--pg-url='))?.slice('--pg-url='.length);
  const url = flag || env.VIGIA_PG_URL;
  if (!url) return { access: 'local' };
  return { store: { dialect: 'postgres', url }, access: 'accounts' };
}
