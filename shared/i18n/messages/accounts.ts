import { defineCatalog } from '../catalog';

/** Accounts: signing in, roles, passwords and the first administrator. */
export const accountsMessages = defineCatalog({
  'pt-BR': {
    'accounts.signInRequired': 'Entre com seu usuário e senha.',
    'accounts.sessionEnded':
      'Sua sessão terminou (expirou, a senha mudou ou o usuário foi desativado). Entre de novo.',
    'accounts.invalidLogin': 'Usuário ou senha incorretos.',
    'accounts.tooManyAttempts':
      'Muitas tentativas erradas para o usuário "{name}": tente de novo em {minutes} min.',
    'accounts.forbidden': 'Seu perfil ({role}) não permite esta ação; ela exige o perfil {required}.',
    'accounts.hostOnly': 'Esta ação só pode ser pedida pelo próprio Vigia.',
    'accounts.mustChangePassword': 'Troque sua senha antes de continuar.',
    'accounts.wrongCurrentPassword': 'A senha atual está incorreta.',
    'accounts.samePassword': 'A nova senha deve ser diferente da atual.',
    'accounts.userNotFound': 'O usuário {id} não existe.',
    'accounts.userExists': 'Já existe um usuário chamado "{name}".',
    'accounts.lastAdmin': 'Deve restar ao menos um administrador ativo.',
    'accounts.cannotDisableSelf': 'Você não pode desativar o próprio usuário; peça a outro administrador.',
    'accounts.notInLocalMode':
      'Nesta estação, com banco próprio, quem opera é o usuário do Windows; não há contas para gerenciar.',
    'accounts.firstAdmin':
      'Primeiro acesso: entre como "{name}" com a senha temporária {password} — ela só vale para trocar por uma senha sua.',
    'role.viewer': 'leitura',
    'role.operator': 'operador',
    'role.admin': 'administrador',
  },
  en: {
    'accounts.signInRequired': 'Sign in with your user name and password.',
    'accounts.sessionEnded':
      'Your session ended (it expired, the password changed or the user was disabled). Sign in again.',
    'accounts.invalidLogin': 'Wrong user name or password.',
    'accounts.tooManyAttempts': 'Too many wrong attempts for the user "{name}": try again in {minutes} min.',
    'accounts.forbidden': 'Your role ({role}) does not allow this action; it needs the {required} role.',
    'accounts.hostOnly': 'Only Vigia itself may ask for this action.',
    'accounts.mustChangePassword': 'Change your password before you continue.',
    'accounts.wrongCurrentPassword': 'The current password is wrong.',
    'accounts.samePassword': 'The new password must differ from the current one.',
    'accounts.userNotFound': 'User {id} does not exist.',
    'accounts.userExists': 'A user named "{name}" already exists.',
    'accounts.lastAdmin': 'At least one active administrator must remain.',
    'accounts.cannotDisableSelf': 'You cannot disable your own user; ask another administrator.',
    'accounts.notInLocalMode':
      'On this workstation, with its own database, the operator is the Windows user; there are no accounts to manage.',
    'accounts.firstAdmin':
      'First start: sign in as "{name}" with the temporary password {password} — it only serves to set a password of your own.',
    'role.viewer': 'viewer',
    'role.operator': 'operator',
    'role.admin': 'administrator',
  },
});
