import { defineCatalog } from '../catalog';

/**
 * Texts of the security rules: secrets bound to their destination, outbound addresses refused,
 * sign-in and accounts, and the generic answer to an unexpected failure.
 */
export const securityMessages = defineCatalog({
  'pt-BR': {
    'security.tokenForOtherApiRoot':
      'O token do bot foi salvo para outro servidor da Bot API: digite o token de novo para usá-lo com {destination}.',
    'security.secretForOtherUrl':
      'O segredo do webhook "{name}" foi salvo para outro endereço: digite o segredo de novo para usá-lo com {destination}.',
    'security.destinationRefused': 'Endereço recusado ({host}): {reason}.',
    'security.reason.linkLocal': 'endereços link-local não são aceitos',
    'security.reason.metadata': 'é o serviço de metadados da nuvem',
    'security.reason.loopback': 'endereços desta máquina só são aceitos quando o servidor permite',
    'security.reason.unspecified': 'endereço não especificado',
    'security.reason.unresolved': 'o nome não resolve',
    'security.internalError': 'Erro inesperado no Vigia; o detalhe foi registrado no log do servidor.',
  },
  en: {
    'security.tokenForOtherApiRoot':
      'The bot token was saved for another Bot API server: type the token again to use it with {destination}.',
    'security.secretForOtherUrl':
      'The secret of webhook "{name}" was saved for another address: type the secret again to use it with {destination}.',
    'security.destinationRefused': 'Address refused ({host}): {reason}.',
    'security.reason.linkLocal': 'link-local addresses are not accepted',
    'security.reason.metadata': 'it is the cloud metadata service',
    'security.reason.loopback': 'addresses of this machine are accepted only when the server allows them',
    'security.reason.unspecified': 'unspecified address',
    'security.reason.unresolved': 'the name does not resolve',
    'security.internalError': 'Unexpected error in Vigia; the details were written to the server log.',
  },
});
