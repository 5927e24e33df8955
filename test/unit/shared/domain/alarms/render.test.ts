import { describe, expect, it } from 'vitest';
import { renderAlarm } from '../../../../../shared/domain/alarms/render';

const failed = (code: string, detail: string) => ({
  source: 'backup' as const,
  type: 'failed',
  params: { device: 'borda-01', code, detail },
  affected: 1,
});

describe('an alarm rendered in its reader language', () => {
  it("words a coded parameter with the source's catalog, in each language", () => {
    expect(renderAlarm('pt-BR', failed('auth_failed', ''))).toBe(
      'Backup de borda-01 falhou: Usuário ou senha/chave recusados',
    );
    expect(renderAlarm('en', failed('auth_failed', ''))).toBe(
      'Backup of borda-01 failed: User name or password/key refused',
    );
  });

  it('adds what the device showed only when there is something', () => {
    expect(renderAlarm('pt-BR', failed('truncated', 'transport input ssh'))).toBe(
      'Backup de borda-01 falhou: Configuração incompleta (transport input ssh)',
    );
  });

  it('keeps a code no catalog words as it is', () => {
    expect(renderAlarm('en', failed('from_a_newer_version', ''))).toBe(
      'Backup of borda-01 failed: from_a_newer_version',
    );
  });
});
