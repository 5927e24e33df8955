// What each vendor's CLI looks like to the fake devices: prompts, pager, paging-off commands and a
// configuration with the lines that change on every run (clock, "last change") and secrets.
import type { BuiltInProfileId } from '../../shared/domain/backup/profiles';
import type { FakeDeviceBehaviour } from './fake-ssh-device';

export interface VendorFixture {
  behaviour: FakeDeviceBehaviour;
  /** What the profile stores for `run` (volatile lines stripped), without masking. */
  stored: string;
  loginSuffix: string;
}

/** Body lines in the vendor's style, enough to reach `bytes`. */
function filler(style: 'cisco' | 'huawei' | 'mikrotik' | 'brace' | 'airos', bytes: number): string[] {
  const lines: string[] = [];
  let size = 0;
  for (let index = 1; size < bytes; index++) {
    const block =
      style === 'cisco'
        ? [
            `interface GigabitEthernet0/${index}`,
            ` description cliente-${index}`,
            ` ip address 10.${(index >> 8) & 255}.${index & 255}.1 255.255.255.252`,
            '!',
          ]
        : style === 'huawei'
          ? [
              `interface GigabitEthernet0/0/${index}`,
              ` description cliente-${index}`,
              ` ip address 10.${(index >> 8) & 255}.${index & 255}.1 255.255.255.252`,
              '#',
            ]
          : style === 'mikrotik'
            ? [
                `add address=10.${(index >> 8) & 255}.${index & 255}.1/30 interface=vlan${index} network=10.${(index >> 8) & 255}.${index & 255}.0`,
              ]
            : style === 'brace'
              ? [`    ge-0/0/${index} {`, `        description cliente-${index};`, '    }']
              : [`vlan.${index}.devname=eth0`, `vlan.${index}.id=${index}`, `vlan.${index}.status=enabled`];
    for (const line of block) {
      lines.push(line);
      size += line.length + 1;
    }
  }
  return lines;
}

export function vendorFixture(
  profile: BuiltInProfileId,
  options: { hostname?: string; bytes?: number; run?: number } = {},
): VendorFixture {
  const name = options.hostname ?? 'core-rtr01';
  const bytes = options.bytes ?? 2_000;
  const run = options.run ?? 1;
  const stamp = `12:0${run % 10}:00 BRT Mon Nov 2${run % 10} 2026`;
  switch (profile) {
    case 'cisco-ios': {
      const body = [
        'version 15.2',
        `hostname ${name}`,
        'enable secret 5 $1$mERr$hx5rVt7rPNoS4wqbXKX7m0',
        'username noc privilege 15 secret 5 $1$abc$def',
        // A banner that looks like a prompt must not end the capture.
        'banner motd ^C',
        `${name}#`,
        '^C',
        'snmp-server community s3cr3t RO',
        ...filler('cisco', bytes),
        'line vty 0 4',
        ' transport input ssh',
        'end',
      ];
      const volatile = [
        'Building configuration...',
        '',
        `Current configuration : ${bytes} bytes`,
        `! Last configuration change at ${stamp}`,
        '!',
      ];
      return {
        loginSuffix: '',
        behaviour: {
          motd: '\n*** Acesso restrito: somente pessoal autorizado ***\n\n',
          prompt: `${name}>`,
          enable: { command: 'enable', secret: 'en4ble', prompt: `${name}#` },
          quiet: ['terminal length 0', 'terminal width 0'],
          pagedCommand: 'show running-config',
          answers: { 'show running-config': [...volatile, ...body].join('\n') + '\n' },
          pager: {
            marker: ' --More-- ',
            lines: 24,
            erase: '\b\b\b\b\b\b\b\b\b\b          \b\b\b\b\b\b\b\b\b\b',
          },
          rejection: "% Invalid input detected at '^' marker.\n",
        },
        stored: ['!', ...body].join('\n') + '\n',
      };
    }
    case 'huawei-vrp': {
      const body = [
        '#',
        `sysname ${name}`,
        '#',
        'snmp-agent community read cipher %^%#abc%^%#',
        ...filler('huawei', bytes),
        'return',
      ];
      return {
        loginSuffix: '',
        behaviour: {
          motd: 'Info: The max number of VTY users is 10.\n',
          prompt: `<${name}>`,
          quiet: ['screen-length 0 temporary'],
          pagedCommand: 'display current-configuration',
          answers: {
            'display current-configuration':
              [`!Software Version V200R019C10`, `!Last configuration was updated at ${stamp}`, ...body].join(
                '\n',
              ) + '\n',
          },
          pager: {
            marker: '  ---- More ----',
            lines: 40,
            erase: '\x1b[42D                                          \x1b[42D',
          },
          rejection: "Error: Unrecognized command found at '^' position.\n",
        },
        stored: body.join('\n') + '\n',
      };
    }
    case 'mikrotik-routeros6':
    case 'mikrotik-routeros7': {
      const v7 = profile === 'mikrotik-routeros7';
      const header = v7
        ? `# 2026-11-2${run % 10} 12:00:0${run % 10} by RouterOS 7.16.1`
        : `# nov/2${run % 10}/2026 12:00:0${run % 10} by RouterOS 6.49.17`;
      const body = [
        '# software id = ABCD-1234',
        '# model = CCR1036-8G-2S+',
        '/interface wireless security-profiles',
        'set [ find default=yes ] authentication-types=wpa2-psk mode=dynamic-keys wpa2-pre-shared-key=segredo123',
        // A comment holding the prompt's shape.
        `/system note set note="[admin@${name}] > reboot"`,
        '/ip address',
        ...filler('mikrotik', bytes),
        '/system identity',
        `set name=${name}`,
      ];
      const command = v7 ? '/export show-sensitive' : '/export';
      return {
        loginSuffix: '+ct',
        behaviour: {
          motd: '\n\n  MMM      MMM       KKK                          TTTTTTTTTTT      KKK\n  MikroTik RouterOS\n\n',
          prompt: `[admin@${name}] > `,
          pagedCommand: command,
          answers: { [command]: [header, ...body].join('\n') + '\n' },
          pager: { marker: '-- [Q quit|D dump|down]', lines: 60, erase: '\r                        \r' },
          rejection: 'bad command name foo (line 1 column 1)\n',
        },
        stored: body.join('\n') + '\n',
      };
    }
    case 'juniper-junos': {
      const body = [
        'version 21.4R3;',
        'system {',
        `    host-name ${name};`,
        '    root-authentication {',
        '        encrypted-password "$6$abc$def"; ## SECRET-DATA',
        '    }',
        '}',
        'interfaces {',
        ...filler('brace', bytes),
        '}',
      ];
      return {
        loginSuffix: '',
        behaviour: {
          motd: '--- JUNOS 21.4R3 built 2026-01-01\n',
          prompt: `noc@${name}> `,
          quiet: ['set cli screen-length 0', 'set cli screen-width 0'],
          pagedCommand: 'show configuration | no-more',
          answers: {
            'show configuration | no-more':
              [`## Last commit: 2026-11-2${run % 10} 12:00:00 BRT by noc`, ...body].join('\n') + '\n',
          },
          rejection: '                   ^\nsyntax error, expecting <command>.\n',
        },
        stored: body.join('\n') + '\n',
      };
    }
    case 'ubiquiti-edgeos': {
      const body = [
        'interfaces {',
        ...filler('brace', bytes),
        '}',
        'system {',
        `    host-name ${name}`,
        '    login {',
        '        user ubnt {',
        '            authentication {',
        '                encrypted-password $6$abc$def',
        '            }',
        '        }',
        '    }',
        '}',
        '/* Warning: Do not remove the following line. */',
        '/* === vyatta-config-version: "config-management@1:system@5" === */',
        '/* Release version: v2.0.9-hotfix.7.5622731.230615.0857 */',
      ];
      return {
        loginSuffix: '',
        behaviour: {
          motd: 'Welcome to EdgeOS\n',
          prompt: `ubnt@${name}:~$ `,
          quiet: ['terminal length 0'],
          pagedCommand: 'show configuration',
          answers: { 'show configuration': body.join('\n') + '\n' },
          pager: { marker: ':', lines: 40, erase: '\r \r' },
          rejection: '\n  Invalid command: [foo]\n\n',
        },
        stored: body.join('\n') + '\n',
      };
    }
    case 'ubiquiti-airos': {
      const body = [
        'aaa.status=disabled',
        'users.1.name=ubnt',
        'users.1.password=$1$abc$def',
        `resolv.host.1.name=${name}`,
        'snmp.community=publico',
        ...filler('airos', bytes),
        'wireless.status=enabled',
      ];
      return {
        loginSuffix: '',
        behaviour: {
          motd: '\n\nBusyBox v1.11.2 (2020-01-01) built-in shell (ash)\n\n',
          prompt: 'XW.v6.3.11# ',
          pagedCommand: 'cat /tmp/system.cfg',
          answers: { 'cat /tmp/system.cfg': body.join('\n') + '\n' },
          rejection: '-sh: foo: not found\n',
        },
        stored: body.join('\n') + '\n',
      };
    }
    case 'datacom-dmos': {
      const body = [
        `hostname ${name}`,
        '!',
        'aaa user admin',
        ' password $1$abc$def',
        '!',
        ...filler('cisco', bytes),
        '!',
      ];
      return {
        loginSuffix: '',
        behaviour: {
          motd: 'Welcome to the DmOS CLI\n',
          prompt: `${name}# `,
          quiet: ['paginate false'],
          pagedCommand: 'show running-config',
          answers: { 'show running-config': body.join('\n') + '\n' },
          pager: { marker: '--More--', lines: 30, erase: '\r        \r' },
          rejection: "                    ^\n% Invalid input detected at '^' marker.\n",
        },
        stored: body.join('\n') + '\n',
      };
    }
  }
}
