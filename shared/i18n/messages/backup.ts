import { defineCatalog } from '../catalog';

/**
 * Configuration backup: its alarms (the failure's code and what the device showed as parameters),
 * and the failure codes in words, for the alarm and the Backups page alike.
 */
export const backupMessages = defineCatalog({
  'pt-BR': {
    'alarm.backup.failed': 'Backup de {device} falhou: {code}[ ({detail})]',
    'alarm.backup.host-key-changed':
      'A chave SSH de {device} mudou ({shown}, confiável era {trusted}): backup suspenso até conferir',
    'alarm.backup.jump-host-key-changed':
      'A chave SSH do jump host {host}, usado para chegar a {device}, mudou ({shown}, confiável era {trusted}): backup suspenso até conferir',
    'alarm.backup.config-changed': 'Configuração de {device} mudou: +{added} −{removed} linhas',
    'alarm.backup.code.auth_failed': 'Usuário ou senha/chave recusados',
    'alarm.backup.code.host_key_changed': 'A chave SSH do equipamento mudou',
    'alarm.backup.code.jump_host_key_changed': 'A chave SSH do jump host mudou',
    'alarm.backup.code.legacy_crypto_required':
      'O equipamento só oferece criptografia antiga (ative "cripto legada")',
    'alarm.backup.code.connect_failed': 'Sem conexão SSH',
    'alarm.backup.code.connect_timeout': 'Tempo esgotado ao conectar',
    'alarm.backup.code.no_prompt': 'O prompt esperado não apareceu (perfil errado?)',
    'alarm.backup.code.enable_failed': 'Não entrou no modo privilegiado (enable)',
    'alarm.backup.code.enable_secret_missing':
      'O equipamento pede a senha de enable, e nenhuma foi cadastrada',
    'alarm.backup.code.command_rejected': 'O equipamento recusou o comando',
    'alarm.backup.code.step_timeout': 'O equipamento parou de responder',
    'alarm.backup.code.job_timeout': 'O backup passou do tempo máximo',
    'alarm.backup.code.connection_lost': 'A conexão caiu antes do fim do backup',
    'alarm.backup.code.endless_pager': 'A paginação não terminava',
    'alarm.backup.code.too_large': 'Resposta grande demais',
    'alarm.backup.code.binary_output': 'Resposta binária, não é uma configuração',
    'alarm.backup.code.empty': 'Configuração vazia',
    'alarm.backup.code.truncated': 'Configuração incompleta',
    'alarm.backup.code.bad_start': 'A configuração não começa como o fabricante começa',
    'alarm.backup.code.prompt_residue': 'Restos do prompt na configuração',
    'alarm.backup.code.pager_residue': 'Restos da paginação na configuração',
    'alarm.backup.code.cancelled': 'Cancelado pelo operador',
    'alarm.backup.code.address_changed': 'O endereço mudou: confirme as credenciais',
    'alarm.backup.code.no_credentials': 'Sem credenciais',
  },
  en: {
    'alarm.backup.failed': 'Backup of {device} failed: {code}[ ({detail})]',
    'alarm.backup.host-key-changed':
      "{device}'s SSH host key changed ({shown}, trusted was {trusted}): backups paused until checked",
    'alarm.backup.jump-host-key-changed':
      'The SSH host key of jump host {host}, used to reach {device}, changed ({shown}, trusted was {trusted}): backups paused until checked',
    'alarm.backup.config-changed': "{device}'s configuration changed: +{added} −{removed} lines",
    'alarm.backup.code.auth_failed': 'User name or password/key refused',
    'alarm.backup.code.host_key_changed': "The device's SSH key changed",
    'alarm.backup.code.jump_host_key_changed': "The jump host's SSH key changed",
    'alarm.backup.code.legacy_crypto_required':
      'The device only offers old cryptography (turn on "legacy crypto")',
    'alarm.backup.code.connect_failed': 'No SSH connection',
    'alarm.backup.code.connect_timeout': 'Timed out while connecting',
    'alarm.backup.code.no_prompt': 'The expected prompt never appeared (wrong profile?)',
    'alarm.backup.code.enable_failed': 'Could not enter privileged (enable) mode',
    'alarm.backup.code.enable_secret_missing': 'The device asks for an enable secret and none is saved',
    'alarm.backup.code.command_rejected': 'The device rejected the command',
    'alarm.backup.code.step_timeout': 'The device stopped answering',
    'alarm.backup.code.job_timeout': 'The backup ran past its time limit',
    'alarm.backup.code.connection_lost': 'The connection dropped before the backup finished',
    'alarm.backup.code.endless_pager': 'The pager never ended',
    'alarm.backup.code.too_large': 'The answer was too large',
    'alarm.backup.code.binary_output': 'Binary answer, not a configuration',
    'alarm.backup.code.empty': 'Empty configuration',
    'alarm.backup.code.truncated': 'Incomplete configuration',
    'alarm.backup.code.bad_start': "The configuration does not start the way the vendor's does",
    'alarm.backup.code.prompt_residue': 'Prompt residue in the configuration',
    'alarm.backup.code.pager_residue': 'Pager residue in the configuration',
    'alarm.backup.code.cancelled': 'Cancelled by the operator',
    'alarm.backup.code.address_changed': 'The address changed: confirm the credentials',
    'alarm.backup.code.no_credentials': 'No credentials',
  },
});
