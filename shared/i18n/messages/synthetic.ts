import { defineCatalog } from '../catalog';

/** Synthetic checks: their alarm, why a probe failed, and what is wrong with a check's definition. */
export const syntheticMessages = defineCatalog({
  'pt-BR': {
    'alarm.synthetic.check_failed':
      'Verificação "{name}" falhou {failures} vezes seguidas ({target}): {reason}{detail}',
    'alarm.synthetic.reason.timeout': 'sem resposta dentro do tempo limite',
    'alarm.synthetic.reason.not_found': 'o nome não existe (NXDOMAIN)',
    'alarm.synthetic.reason.no_answer': 'o nome existe, mas não tem registro desse tipo',
    'alarm.synthetic.reason.refused': 'conexão recusada',
    'alarm.synthetic.reason.unreachable': 'destino inalcançável',
    'alarm.synthetic.reason.reset': 'a conexão foi interrompida pelo outro lado',
    'alarm.synthetic.reason.tls': 'certificado TLS inválido ou falha no handshake',
    'alarm.synthetic.reason.headers_too_large': 'o servidor enviou cabeçalhos grandes demais',
    'alarm.synthetic.reason.bad_response': 'resposta HTTP inválida',
    'alarm.synthetic.reason.unexpected_status': 'status HTTP inesperado',
    'alarm.synthetic.reason.text_missing': 'o texto esperado não está na página',
    'alarm.synthetic.reason.answer_mismatch': 'a resposta DNS não é a esperada',
    'alarm.synthetic.reason.resolver_failure': 'o servidor DNS falhou ao responder',
    'alarm.synthetic.reason.failed': 'falha na verificação',
    'synthetic.invalidUrl': 'Informe um endereço http:// ou https:// válido.',
    'synthetic.invalidHost': 'Informe um nome ou endereço IP válido.',
    'synthetic.invalidResolver': 'Informe o servidor DNS como IP ou IP:porta.',
    'synthetic.urlWithCredentials':
      'O endereço não pode conter usuário e senha: eles ficariam gravados sem proteção.',
  },
  en: {
    'alarm.synthetic.check_failed':
      'Check "{name}" failed {failures} times in a row ({target}): {reason}{detail}',
    'alarm.synthetic.reason.timeout': 'no answer within the timeout',
    'alarm.synthetic.reason.not_found': 'the name does not exist (NXDOMAIN)',
    'alarm.synthetic.reason.no_answer': 'the name exists but has no record of that type',
    'alarm.synthetic.reason.refused': 'connection refused',
    'alarm.synthetic.reason.unreachable': 'destination unreachable',
    'alarm.synthetic.reason.reset': 'the connection was cut by the far end',
    'alarm.synthetic.reason.tls': 'invalid TLS certificate or handshake failure',
    'alarm.synthetic.reason.headers_too_large': 'the server sent headers that are too large',
    'alarm.synthetic.reason.bad_response': 'invalid HTTP response',
    'alarm.synthetic.reason.unexpected_status': 'unexpected HTTP status',
    'alarm.synthetic.reason.text_missing': 'the expected text is not on the page',
    'alarm.synthetic.reason.answer_mismatch': 'the DNS answer is not the expected one',
    'alarm.synthetic.reason.resolver_failure': 'the DNS server failed to answer',
    'alarm.synthetic.reason.failed': 'the check failed',
    'synthetic.invalidUrl': 'Enter a valid http:// or https:// address.',
    'synthetic.invalidHost': 'Enter a valid name or IP address.',
    'synthetic.invalidResolver': 'Enter the DNS server as IP or IP:port.',
    'synthetic.urlWithCredentials':
      'The address cannot hold a user and password: they would be stored unprotected.',
  },
});
