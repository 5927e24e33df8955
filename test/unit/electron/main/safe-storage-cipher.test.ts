import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({ safeStorage: {} }));
const { keychainProtects } = await import('../../../../electron/main/safe-storage-cipher');

describe('the OS keychain', () => {
  it('is refused when Linux stores secrets with the plain-text backend', () => {
    expect(keychainProtects('linux', true, () => 'basic_text')).toBe(false);
    expect(keychainProtects('linux', true, () => 'unknown')).toBe(false);
    expect(keychainProtects('linux', true, () => 'gnome_libsecret')).toBe(true);
    expect(keychainProtects('linux', true, () => 'kwallet6')).toBe(true);
  });

  it('is used on Windows and macOS whenever encryption is available', () => {
    const backend = vi.fn(() => 'unknown');
    expect(keychainProtects('win32', true, backend)).toBe(true);
    expect(keychainProtects('darwin', true, backend)).toBe(true);
    expect(keychainProtects('win32', false, backend)).toBe(false);
    expect(backend).not.toHaveBeenCalled();
  });
});
