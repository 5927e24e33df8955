import { describe, expect, it } from 'vitest';
import { renumbering } from '../../../../../shared/domain/snmp/renumbering';

const map = (entries: [number, string][]) => new Map(entries);

describe('interfaces matched by name across ifIndex renumbering', () => {
  it('nothing changes when the indexes stay', () => {
    const same = map([
      [1, 'ether1'],
      [2, 'ether2'],
    ]);
    expect(renumbering(same, same)).toEqual({ moved: new Map(), removed: [] });
  });

  it('follows each name to its new index after a reboot, swaps included', () => {
    const result = renumbering(
      map([
        [1, 'ether1'],
        [2, 'ether2'],
        [3, 'wlan1'],
      ]),
      map([
        [1, 'ether2'],
        [2, 'ether1'],
        [9, 'wlan1'],
      ]),
    );
    expect(result.moved).toEqual(
      new Map([
        [1, 2],
        [2, 1],
        [3, 9],
      ]),
    );
    expect(result.removed).toEqual([]);
  });

  it('names an interface gone when its name is nowhere, and ignores new ones', () => {
    const result = renumbering(
      map([
        [1, 'ether1'],
        [15, '<pppoe-cliente1>'],
      ]),
      map([
        [1, 'ether1'],
        [16, '<pppoe-cliente2>'],
      ]),
    );
    expect(result).toEqual({ moved: new Map(), removed: [15] });
  });

  it('never matches a name the agent repeats', () => {
    const result = renumbering(
      map([
        [1, 'eth0'],
        [2, 'eth0'],
      ]),
      map([
        [3, 'eth0'],
        [4, 'eth0'],
      ]),
    );
    expect(result).toEqual({ moved: new Map(), removed: [1, 2] });
  });
});
