import type { builtInProfileIds, GenericProfileInput } from '../../contract/backup';
import type { BackupProfileSpec } from '../../contract/backup-worker';

export type BuiltInProfileId = (typeof builtInProfileIds)[number];

// Cisco-style secrets: "password 7 0822455D0A16", "secret 5 $1$…", "community X RO", "key 7 …".
const ciscoSecrets = [
  String.raw`^(\s*(?:enable )?(?:secret|password)(?: \d+)? )(\S+)`,
  String.raw`^(\s*username \S+(?: privilege \d+)? (?:secret|password)(?: \d+)? )(\S+)`,
  String.raw`^(\s*snmp-server community )(\S+)`,
  String.raw`^(\s*(?:tacacs-server|radius-server)?\s*key(?: \d+)? )(\S+)`,
];

const mikrotikBase: Omit<BackupProfileSpec, 'id' | 'commands'> = {
  prompt: String.raw`^\[[^\]\r\n]+@[^\]\r\n]+\] [^\r\n]*> ?$`,
  pager: String.raw`-- \[Q quit\|D dump\|down\]`,
  pagingOff: [],
  enable: null,
  // "+ct": no colours and no terminal detection, so the export comes without escape codes.
  loginSuffix: '+ct',
  configStart: String.raw`^# .* by RouterOS \S+`,
  configEnd: null,
  bracesBalance: false,
  volatile: [String.raw`^# .* by RouterOS \S+`],
  secrets: [
    String.raw`((?:^|\s)(?:password|secret|authentication-key|wpa-pre-shared-key|wpa2-pre-shared-key|passphrase)=)("[^"]*"|\S+)`,
  ],
  rejections: [String.raw`^(?:bad command name|syntax error|expected end of command)`],
};

export const builtInProfiles: Record<BuiltInProfileId, BackupProfileSpec> = {
  'cisco-ios': {
    id: 'cisco-ios',
    prompt: String.raw`^[\w.\-/:()]+[>#] ?$`,
    pager: String.raw` ?--More-- ?`,
    pagingOff: ['terminal length 0', 'terminal width 0'],
    enable: {
      command: 'enable',
      passwordPrompt: String.raw`[Pp]assword: ?$`,
      privilegedPrompt: String.raw`^[\w.\-/:()]+# ?$`,
    },
    loginSuffix: '',
    commands: ['show running-config'],
    configStart: null,
    configEnd: String.raw`^end$`,
    bracesBalance: false,
    volatile: [
      String.raw`^Building configuration`,
      String.raw`^Current configuration : \d+ bytes`,
      String.raw`^! Last configuration change at`,
      String.raw`^! NVRAM config last updated at`,
      String.raw`^! No configuration change since last restart`,
      String.raw`^ntp clock-period \d+`,
    ],
    secrets: ciscoSecrets,
    rejections: [
      String.raw`^% ?(?:Invalid input|Unknown command|Incomplete command|Ambiguous command|Authorization failed)`,
    ],
  },
  'huawei-vrp': {
    id: 'huawei-vrp',
    prompt: String.raw`^(?:<[\w.\-/:~]+>|\[[~*]?[\w.\-/:~]+\]) ?$`,
    pager: String.raw` ?-{2,} More -{2,} ?`,
    pagingOff: ['screen-length 0 temporary'],
    enable: null,
    loginSuffix: '',
    commands: ['display current-configuration'],
    configStart: null,
    configEnd: String.raw`^return$`,
    bracesBalance: false,
    volatile: [
      String.raw`^!Software Version`,
      String.raw`^!Last configuration was (?:updated|saved) at`,
      String.raw`^!Time of last`,
    ],
    secrets: [
      String.raw`((?:cipher|irreversible-cipher|password simple|password cipher) )(\S+)`,
      String.raw`(snmp-agent community (?:read|write) (?:cipher )?)(\S+)`,
    ],
    rejections: [String.raw`^Error: ?(?:Unrecognized command|Incomplete command|Wrong parameter)`],
  },
  'mikrotik-routeros6': { id: 'mikrotik-routeros6', ...mikrotikBase, commands: ['/export'] },
  // RouterOS 7 hides secrets from /export unless asked.
  'mikrotik-routeros7': { id: 'mikrotik-routeros7', ...mikrotikBase, commands: ['/export show-sensitive'] },
  'juniper-junos': {
    id: 'juniper-junos',
    prompt: String.raw`^(?:\{[\w:]+\}\r?\n)?[\w.\-]+@[\w.\-]+[>#%] ?$`,
    pager: String.raw`---\(more(?: \d+%)?\)---`,
    pagingOff: ['set cli screen-length 0', 'set cli screen-width 0'],
    enable: null,
    loginSuffix: '',
    commands: ['show configuration | no-more'],
    configStart: null,
    configEnd: String.raw`^\}$`,
    bracesBalance: true,
    volatile: [String.raw`^## Last (?:commit|changed):`],
    secrets: [
      String.raw`((?:encrypted-password|secret|authentication-key|pre-shared-key ascii-text) ")([^"]+)`,
    ],
    rejections: [String.raw`^(?:syntax error|unknown command)`],
  },
  'ubiquiti-edgeos': {
    id: 'ubiquiti-edgeos',
    prompt: String.raw`^[\w.\-]+@[\w.\-]+:[^\r\n]*[$#] ?$`,
    pager: String.raw`^:$`,
    pagingOff: ['terminal length 0'],
    enable: null,
    loginSuffix: '',
    commands: ['show configuration'],
    configStart: null,
    configEnd: String.raw`^/\* Release version: .*\*/$`,
    bracesBalance: true,
    volatile: [],
    secrets: [String.raw`((?:plaintext-password|encrypted-password|pre-shared-secret|secret|key) )(\S+)`],
    rejections: [String.raw`^(?:Invalid command|\s*Configuration path: .* is not valid)`],
  },
  'ubiquiti-airos': {
    id: 'ubiquiti-airos',
    prompt: String.raw`^[\w.\-]+[#$] ?$`,
    pager: null,
    pagingOff: [],
    enable: null,
    loginSuffix: '',
    commands: ['cat /tmp/system.cfg'],
    configStart: String.raw`^[\w.\-]+=`,
    configEnd: String.raw`^[\w.\-]+=`,
    bracesBalance: false,
    volatile: [],
    secrets: [String.raw`^([\w.\-]*(?:psk|password|passwd|community|secret|key)(?:\.\d+)?=)(.+)$`],
    rejections: [String.raw`^(?:-sh|sh|ash): .*(?:not found|No such file)`, String.raw`^cat: .*No such file`],
  },
  'datacom-dmos': {
    id: 'datacom-dmos',
    prompt: String.raw`^[\w.\-]+# ?$`,
    pager: String.raw` ?--More--(?: \(\d+%\))? ?`,
    pagingOff: ['paginate false'],
    enable: null,
    loginSuffix: '',
    commands: ['show running-config'],
    configStart: null,
    configEnd: String.raw`^!$`,
    bracesBalance: false,
    volatile: [String.raw`^! Last commit`],
    secrets: [String.raw`((?:password|secret|community|key) )(\S+)`],
    rejections: [String.raw`^(?:% )?(?:syntax error|Invalid input|unknown command)`],
  },
};

/** The operator's own profile: what they filled in, and safe defaults for the rest. */
export function genericProfile(input: GenericProfileInput): BackupProfileSpec {
  return {
    id: 'generic',
    prompt: input.prompt,
    pager: input.pager,
    pagingOff: input.pagingOff,
    enable: input.enable,
    loginSuffix: '',
    commands: input.commands,
    configStart: null,
    configEnd: input.configEnd,
    bracesBalance: false,
    volatile: input.volatile,
    secrets: [],
    rejections: [],
  };
}
