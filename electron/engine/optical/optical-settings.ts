import { z } from 'zod';
import {
  OpticalConfig,
  type OpticalConfigInput,
  type OpticalEndpoint,
} from '../../../shared/contract/optical';
import type { SmartApiTarget } from '../../../shared/contract/optical-worker';
import {
  defaultCadences,
  defaultRules,
  OPTICAL_CONFIG_KEY,
  OPTICAL_SECRETS_KEY,
} from '../../../shared/domain/optical/defaults';
import { invalidInput } from '../../../shared/contract/api-failure';
import type { Repository } from '../store/repository';
import type { SecretCipher } from '../store/secret-cipher';

/** A password with the destination it was saved for: it is never sent anywhere else. */
const Secret = z.object({ password: z.string(), boundTo: z.string() });
const Secrets = z.record(z.string(), Secret);
export type OpticalSecrets = z.infer<typeof Secrets>;

export const defaultOpticalConfig: OpticalConfig = {
  endpoints: [],
  cadences: defaultCadences,
  rules: defaultRules,
};

const destination = (endpoint: Pick<OpticalEndpoint, 'baseUrl' | 'pathPrefix' | 'username'>) =>
  `${endpoint.baseUrl.replace(/\/+$/, '')}|${endpoint.pathPrefix}|${endpoint.username}`;

export async function readOpticalConfig(
  repo: Repository,
  log: (message: string) => void,
): Promise<OpticalConfig> {
  const stored = await repo.settings.get(OPTICAL_CONFIG_KEY);
  if (stored === null || stored === undefined) return defaultOpticalConfig;
  const parsed = OpticalConfig.safeParse(stored);
  if (parsed.success) return parsed.data;
  log(`optical: the stored settings are invalid (${parsed.error.issues[0]?.message}); using defaults`);
  return defaultOpticalConfig;
}

export async function readOpticalSecrets(repo: Repository, cipher: SecretCipher): Promise<OpticalSecrets> {
  const sealed = await repo.settings.get(OPTICAL_SECRETS_KEY);
  return typeof sealed === 'string' ? Secrets.parse(JSON.parse(await cipher.decrypt(sealed))) : {};
}

/** The collector's view of an endpoint, or null while it has no password for this destination. */
export function targetOf(endpoint: OpticalEndpoint, secrets: OpticalSecrets): SmartApiTarget | null {
  const secret = secrets[endpoint.id];
  if (!secret || secret.boundTo !== destination(endpoint)) return null;
  return {
    key: String(endpoint.id),
    baseUrl: endpoint.baseUrl,
    pathPrefix: endpoint.pathPrefix,
    username: endpoint.username,
    password: secret.password,
    clientId: endpoint.clientId,
    timeZone: endpoint.timeZone,
  };
}

/**
 * Applies an edit: new endpoints get ids, a new password is sealed with its destination, and an
 * address or user changed without a new password is refused — the old password is not sent there.
 */
export function applyOpticalInput(
  current: OpticalConfig,
  secrets: OpticalSecrets,
  input: z.output<typeof OpticalConfigInput>,
): { config: OpticalConfig; secrets: OpticalSecrets } {
  let nextId = Math.max(0, ...current.endpoints.map((endpoint) => endpoint.id)) + 1;
  const nextSecrets: OpticalSecrets = {};
  const endpoints = input.endpoints.map(({ password, id, ...fields }, index) => {
    if (id !== null && !current.endpoints.some((endpoint) => endpoint.id === id))
      throw invalidInput('Conexão desconhecida / unknown endpoint', [
        { path: `endpoints.${index}.id`, message: 'conexão desconhecida / unknown endpoint' },
      ]);
    const endpointId = id ?? nextId++;
    const boundTo = destination(fields);
    const kept = secrets[endpointId];
    if (password !== null) nextSecrets[endpointId] = { password, boundTo };
    else if (kept && kept.boundTo === boundTo) nextSecrets[endpointId] = kept;
    else
      throw invalidInput('Informe a senha desta conexão / enter this endpoint`s password', [
        {
          path: `endpoints.${index}.password`,
          message: kept
            ? 'o endereço ou o usuário mudou: informe a senha de novo / the address or user changed: enter the password again'
            : 'informe a senha / enter the password',
        },
      ]);
    return { ...fields, id: endpointId, passwordSet: true };
  });
  return {
    config: { endpoints, cadences: input.cadences, rules: input.rules },
    secrets: nextSecrets,
  };
}

export async function writeOpticalSettings(
  repo: Repository,
  cipher: SecretCipher,
  config: OpticalConfig,
  secrets: OpticalSecrets,
): Promise<void> {
  // Sealed before it is stored: the cipher is async (a pending promise would be stored as {}).
  await repo.settings.set(OPTICAL_SECRETS_KEY, await cipher.encrypt(JSON.stringify(secrets)));
  await repo.settings.set(OPTICAL_CONFIG_KEY, config);
}
