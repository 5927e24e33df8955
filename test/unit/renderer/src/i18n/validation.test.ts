import { beforeAll, describe, expect, it, vi } from 'vitest';
import type i18next from 'i18next';
import { accountsApiMethods } from '../../../../../shared/contract/accounts';

// The renderer's zod error map words the contract's own rules in the UI's language; i18next's
// language hint lives in localStorage, which Node lacks: an empty one stands in for the browser's.
let i18n: typeof i18next;

beforeAll(async () => {
  const stored = new Map<string, string>();
  vi.stubGlobal('localStorage', {
    getItem: (key: string) => stored.get(key) ?? null,
    setItem: (key: string, value: string) => stored.set(key, value),
  });
  i18n = (await import('../../../../../renderer/src/i18n')).default;
  await import('../../../../../renderer/src/i18n/validation');
});

// What the Users page checks before it sends a new user.
const create = accountsApiMethods['users.create'].input;
const nameError = (name: string) =>
  create.safeParse({ name, role: 'operator', password: 'provisoria-2026' }).error?.issues[0]?.message;

describe('the renderer zod error map', () => {
  it('words a bad user name in the UI language, never in the contract’s English', async () => {
    await i18n.changeLanguage('pt-BR');
    expect(nameError('ana maria')).toBe(
      'Nome: de 2 a 40 letras minúsculas, algarismos, ".", "_" ou "-", começando por letra ou algarismo',
    );
    await i18n.changeLanguage('en');
    expect(nameError('-ana')).toBe(
      'Name: 2 to 40 lower-case letters, digits, ".", "_" or "-", starting with a letter or digit',
    );
    expect(create.parse({ name: '  Ana.Souza ', role: 'viewer', password: 'provisoria-2026' }).name).toBe(
      'ana.souza',
    );
  });
});
