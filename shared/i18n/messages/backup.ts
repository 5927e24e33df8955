import { defineCatalog } from '../catalog';

/** Configuration backup: its alarms (the failure's code and what the device showed as parameters). */
export const backupMessages = defineCatalog({
  'pt-BR': {
    'alarm.backup.failed': 'Backup de {device} falhou ({code}): {detail}',
    'alarm.backup.host-key-changed':
      'A chave SSH de {device} mudou ({shown}, confiável era {trusted}): backup suspenso até conferir',
    'alarm.backup.config-changed': 'Configuração de {device} mudou: +{added} −{removed} linhas',
  },
  en: {
    'alarm.backup.failed': 'Backup of {device} failed ({code}): {detail}',
    'alarm.backup.host-key-changed':
      "{device}'s SSH host key changed ({shown}, trusted was {trusted}): backups paused until checked",
    'alarm.backup.config-changed': "{device}'s configuration changed: +{added} −{removed} lines",
  },
});
