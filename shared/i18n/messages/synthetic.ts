import { defineCatalog } from '../catalog';

/** Synthetic checks: their alarm, why a probe failed, and what is wrong with a check's definition. */
export const syntheticMessages = defineCatalog({
  'pt-BR': {
    'alarm.synthetic.check_failed':
      'Verificação "{name}" falhou {failures} vezes seguidas ({target}): {reason}{detail}',
    'synthetic.error.timeout': 'sem resposta dentro do tempo limite',
    'synthetic.error.not_found': 'o nome não existe (NXDOMAIN)',
    'synthetic.error.no_answer': 'o nome existe, mas não tem registro desse tipo',
    'synthetic.error.refused': 'conexão recusada',
    'synthetic.error.unreachable': 'destino inalcançável',
    'synthetic.error.reset': 'a conexão foi interrompida pelo outro lado',
    'synthetic.error.tls': 'certificado TLS inválido ou falha no handshake',
    'synthetic.error.headers_too_large': 'o servidor enviou cabeçalhos grandes demais',
    'synthetic.error.bad_response': 'resposta HTTP inválida',
    'synthetic.error.unexpected_status': 'status HTTP inesperado',
    'synthetic.error.text_missing': 'o texto esperado não está na página',
    'synthetic.error.answer_mismatch': 'a resposta DNS não é a esperada',
    'synthetic.error.resolver_failure': 'o servidor DNS falhou ao responder',
    'synthetic.error.failed': 'falha na verificação',
    'synthetic.invalidUrl': 'Informe um endereço http:// ou https:// válido.',
    'synthetic.invalidHost': 'Informe um nome ou endereço IP válido.',
    'synthetic.invalidResolver': 'Informe o servidor DNS como IP ou IP:porta.',
    'synthetic.urlWithCredentials':
      'O endereço não pode conter usuário e senha: eles ficariam gravados sem proteção.',
  },
  en: {
    'alarm.synthetic.check_failed':
      'Check "{name}" failed {failures} times in a row ({target}): {reason}{detail}',
    'synthetic.error.timeout': 'no answer within the timeout',
    'synthetic.error.not_found': 'the name does not exist (NXDOMAIN)',
    'synthetic.error.no_answer': 'the name exists but has no record of that type',
    'synthetic.error.refused': 'connection refused',
    'synthetic.error.unreachable': 'destination unreachable',
    'synthetic.error.reset': 'the connection was cut by the far end',
    'synthetic.error.tls': 'invalid TLS certificate or handshake failure',
    'synthetic.error.headers_too_large': 'the server sent headers that are too large',
    'synthetic.error.bad_response': 'invalid HTTP response',
    'synthetic.error.unexpected_status': 'unexpected HTTP status',
    'synthetic.error.text_missing': 'the expected text is not on the page',
    'synthetic.error.answer_mismatch': 'the DNS answer is not the expected one',
    'synthetic.error.resolver_failure': 'the DNS server failed to answer',
    'synthetic.error.failed': 'the check failed',
    'synthetic.invalidUrl': 'Enter a valid http:// or https:// address.',
    'synthetic.invalidHost': 'Enter a valid name or IP address.',
    'synthetic.invalidResolver': 'Enter the DNS server as IP or IP:port.',
    'synthetic.urlWithCredentials':
      'The address cannot hold a user and password: they would be stored unprotected.',
  },
});
