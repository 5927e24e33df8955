import type { ApiHandlers } from '../../../shared/contract/api-handlers';
import type { storeBackupApiMethods } from '../../../shared/contract/store-backup';
import { invalidInput } from '../../../shared/contract/api-failure';
import type { Repository } from '../store/repository';
import { BackupRefused, type StoreBackupService } from './store-backup-service';

type StoreBackupMethod = keyof typeof storeBackupApiMethods;
export type StoreBackupApiHandlers = Pick<ApiHandlers, StoreBackupMethod>;

/** The database backup methods; a refused file is an invalid input whose message is its i18n key. */
export function storeBackupApiHandlers(deps: {
  repo: Repository;
  service: StoreBackupService;
  now: () => number;
}): StoreBackupApiHandlers {
  const { repo, service, now } = deps;
  const audit = (actor: string, action: string, details: string) =>
    repo.audit.add({ at: now(), actor, action, target: 'store', details });
  return {
    'storeBackup.status': async () => service.status(),
    'storeBackup.config.set': async ({ config }, { name: by }) => {
      await service.setConfig(config);
      await audit(by, 'storeBackup.config', JSON.stringify(config));
      return service.status();
    },
    'storeBackup.run': async (_input, { name: by }) => {
      if (service.status().dialect === 'postgres') throw invalidInput('storeBackup.error.postgres');
      const file = await service.backUp();
      await audit(by, 'storeBackup.run', file.name);
      return file;
    },
    'storeBackup.restore': async ({ name }, { name: by }) => {
      if (service.status().dialect === 'postgres') throw invalidInput('storeBackup.error.postgres');
      try {
        service.restore(name);
      } catch (error) {
        if (error instanceof BackupRefused)
          throw invalidInput(error.message, [{ path: 'name', message: error.message }]);
        throw error;
      }
      await audit(by, 'storeBackup.restore', name);
      return { restartRequired: true };
    },
  };
}
