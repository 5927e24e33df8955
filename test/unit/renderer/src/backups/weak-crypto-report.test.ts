import { describe, expect, it } from 'vitest';
import type { BackupRow } from '../../../../../shared/contract/backup';
import { weakCryptoCsv } from '../../../../../renderer/src/backups/weak-crypto-report';

const row = (deviceName: string, weakCrypto: string[], lastOkAt: number | null): BackupRow => ({
  deviceId: 1,
  deviceName,
  host: '10.0.0.1',
  profile: 'cisco-ios',
  enabled: true,
  lastRunAt: lastOkAt,
  lastOkAt,
  failure: null,
  versions: 1,
  lastChangeAt: null,
  weakCrypto,
  hostKeyPending: false,
  addressChanged: false,
  running: false,
});

const columns = {
  device: 'equipamento',
  host: 'endereço',
  profile: 'perfil',
  algorithms: 'algoritmos fracos',
  lastOk: 'último backup ok',
};

describe('the weak-crypto report', () => {
  it('lists only the devices that still need weak crypto, as columns for Excel in Portuguese', () => {
    const csv = weakCryptoCsv(
      [
        row('borda-01', ['diffie-hellman-group1-sha1', 'ssh-rsa'], 1),
        row('core', [], 2),
        row('=HYPERLINK("x")', ['aes128-cbc'], null),
      ],
      columns,
      { profile: () => 'Cisco IOS', lastOk: (r) => (r.lastOkAt ? 'ontem' : '') },
    );
    expect(csv).toBe(
      '\uFEFFequipamento;endereço;perfil;algoritmos fracos;último backup ok\r\n' +
        'borda-01;10.0.0.1;Cisco IOS;diffie-hellman-group1-sha1, ssh-rsa;ontem\r\n' +
        `"'=HYPERLINK(""x"")";10.0.0.1;Cisco IOS;aes128-cbc;`,
    );
  });
});
