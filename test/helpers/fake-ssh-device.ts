// A network device's CLI served by ssh2's Server on loopback, for the backup tests and benchmark:
// it takes a vendor's prompts, pager and configuration text, and can misbehave on request.
import { createHash, createPrivateKey, sign } from 'node:crypto';
import { connect as tcpConnect, type AddressInfo } from 'node:net';
import type { ServerChannel } from 'ssh2';
import ssh2 from 'ssh2';
import type { Algorithms } from 'ssh2';

const { Server, utils } = ssh2;

export interface FakeDeviceBehaviour {
  /** Shown before the first prompt (a login banner / MOTD). */
  motd?: string;
  /** The unprivileged prompt; with `enable`, `enable.prompt` is the privileged one. */
  prompt: string;
  enable?: { command: string; secret: string; prompt: string };
  /** Commands the device accepts silently (paging off). */
  quiet?: string[];
  /** Answer per command; `config` is written through the pager unless paging was turned off. */
  answers: Record<string, string>;
  /** The command whose answer is paged (and delayed, cut, streamed slowly). */
  pagedCommand?: string;
  /** Pager marker and how many lines between markers; paging stops after any `quiet` command. */
  pager?: { marker: string; lines: number; erase: string; endless?: boolean; ignoresPagingOff?: boolean };
  /** What an unknown command prints. */
  rejection?: string;
  /** Wait this long before answering the paged command (a slow device). */
  answerDelayMs?: number;
  /** Write the paged answer in chunks of this size with this pause between them. */
  trickle?: { bytes: number; pauseMs: number };
  /** Close the connection after writing this many bytes of the paged answer. */
  cutAfterBytes?: number;
  /** Never print a prompt. */
  silent?: boolean;
  /** Print garbage forever instead of the answer. */
  flood?: boolean;
  /** Neither echo nor answer an empty line (as if it were dropped). */
  ignoresEmptyLines?: boolean;
}

export interface FakeDeviceOptions extends FakeDeviceBehaviour {
  username: string;
  password?: string;
  /** Accepted public key (OpenSSH format), for key logins. */
  publicKey?: string;
  /** The user name the device sees may carry a suffix (RouterOS "+ct"); it is accepted with it. */
  loginSuffix?: string;
  hostKey?: string;
  algorithms?: Algorithms;
  /** Let clients open direct-tcpip channels through it (a jump host). */
  forwarding?: boolean;
  host?: string;
  port?: number;
}

export interface FakeDevice {
  host: string;
  port: number;
  hostKey: string;
  logins: number;
  close(): Promise<void>;
}

/** A fresh private key in OpenSSH format. */
export function newKeyPair(type: 'ed25519' | 'rsa' = 'ed25519'): { private: string; public: string } {
  for (;;) {
    const pair =
      type === 'rsa'
        ? utils.generateKeyPairSync('rsa', { bits: 2048 })
        : utils.generateKeyPairSync('ed25519');
    // About one ed25519 key in 250 that ssh2 writes cannot be read back by ssh2 itself.
    if (!(utils.parseKey(pair.private) instanceof Error)) return pair;
  }
}

export const newHostKey = (type: 'ed25519' | 'rsa' = 'ed25519'): string => newKeyPair(type).private;

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type ParsedKey = Exclude<ReturnType<typeof utils.parseKey>, Error | Error[]>;
const parsedHostKeys = new Map<string, ParsedKey>();

/**
 * A host key parsed once per key, signing with a key object: ssh2 signs with the key's PEM,
 * which Node parses again at every login. The benchmark's 1,500 devices per process share one
 * key, and each of them stands for a device with a CPU of its own: the fleet's work is not what
 * the benchmark measures.
 */
function parsedHostKey(pem: string): ParsedKey {
  const known = parsedHostKeys.get(pem);
  if (known) return known;
  const parsed = utils.parseKey(pem);
  if (parsed instanceof Error || Array.isArray(parsed)) throw new Error('unreadable host key');
  if (parsed.type === 'ssh-ed25519') {
    const key = createPrivateKey(parsed.getPrivatePEM());
    parsed.sign = (data: Buffer) => sign(null, data, key);
  }
  parsedHostKeys.set(pem, parsed);
  return parsed;
}

export async function startFakeDevice(options: FakeDeviceOptions): Promise<FakeDevice> {
  const hostKey = options.hostKey ?? newHostKey();
  const accepted = options.publicKey ? utils.parseKey(options.publicKey) : null;
  const state = { logins: 0 };
  const server = new Server(
    // ssh2 takes a parsed key where @types/ssh2 says a string or Buffer.
    {
      hostKeys: [{ key: parsedHostKey(hostKey) as unknown as string }],
      ...(options.algorithms ? { algorithms: options.algorithms } : {}),
    },
    (client) => {
      // A CLI answers keystrokes (a pager's space) at once: no Nagle delay. (Missing from @types/ssh2.)
      (client as unknown as { setNoDelay(on: boolean): void }).setNoDelay(true);
      client.on('error', () => undefined);
      client.on('authentication', (ctx) => {
        const user = ctx.username === options.username + (options.loginSuffix ?? '');
        if (user && ctx.method === 'password' && options.password && ctx.password === options.password) {
          ctx.accept();
        } else if (user && ctx.method === 'publickey' && accepted && !(accepted instanceof Error)) {
          const same = ctx.key.data.equals(accepted.getPublicSSH());
          if (!same) ctx.reject();
          else if (
            !ctx.signature ||
            (ctx.blob && accepted.verify(ctx.blob, ctx.signature, ctx.hashAlgo) === true)
          ) {
            ctx.accept();
          } else ctx.reject();
        } else ctx.reject(['password', 'publickey']);
      });
      client.on('ready', () => {
        state.logins++;
        client.on('session', (acceptSession) => {
          const session = acceptSession();
          session.on('pty', (accept) => accept?.());
          session.on('shell', (accept) => serveShell(accept(), options));
        });
        if (options.forwarding) {
          client.on('tcpip', (accept, _reject, info) => {
            const channel = accept();
            const socket = tcpConnect(info.destPort, info.destIP);
            socket.on('error', () => channel.close());
            channel.on('error', () => socket.destroy());
            socket.pipe(channel).pipe(socket);
          });
        }
      });
    },
  );
  await new Promise<void>((resolve) =>
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve),
  );
  const address = server.address() as AddressInfo;
  const fingerprint = `SHA256:${createHash('sha256').update(parsedHostKey(hostKey).getPublicSSH()).digest('base64').replace(/=+$/, '')}`;
  return {
    host: address.address,
    port: address.port,
    hostKey: fingerprint,
    get logins() {
      return state.logins;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * An answer as the terminal writes it ("\r\n" line ends), cut into pages of `lines` lines (0: one
 * page), made once per answer and page length: the benchmark's 3,000 devices share one 200 KB
 * configuration, and re-cutting it on every request would make the fake fleet, not the backup,
 * what the benchmark measures.
 */
const pageCache = new Map<string, Map<number, string[]>>();

function pagesOf(answer: string, lines: number): string[] {
  const byLength = pageCache.get(answer) ?? new Map<number, string[]>();
  pageCache.set(answer, byLength);
  const cached = byLength.get(lines);
  if (cached) return cached;
  const pages: string[] = [];
  if (lines > 0) {
    const all = answer.split('\n');
    for (let at = 0; at < all.length; at += lines) pages.push(all.slice(at, at + lines).join('\n') + '\n');
  } else pages.push(answer.endsWith('\n') ? answer : answer + '\n');
  const written = pages.map((page) => page.replace(/\r?\n/g, '\r\n'));
  byLength.set(lines, written);
  return written;
}

/** The CLI: echoes what is typed, answers commands, pages the configuration. */
export function serveShell(stream: ServerChannel, behaviour: FakeDeviceBehaviour): void {
  let prompt = behaviour.prompt;
  let paging = Boolean(behaviour.pager);
  let line = '';
  let askingSecret = false;
  let pagerWaiting: (() => void) | null = null;
  let busy = false;
  let closed = false;
  stream.on('close', () => (closed = true));
  stream.on('error', () => (closed = true));
  const write = (text: string) => {
    if (!closed) stream.write(text.replace(/\r?\n/g, '\r\n'));
  };
  const showPrompt = () => {
    if (!behaviour.silent) write(prompt);
  };

  const writePaged = async (answer: string) => {
    if (behaviour.answerDelayMs) await wait(behaviour.answerDelayMs);
    if (behaviour.flood) {
      const junk = 'x'.repeat(16_384) + '\n';
      while (!closed) {
        if (!stream.write(junk)) await new Promise((resolve) => stream.once('drain', resolve));
      }
      return;
    }
    const pager = behaviour.pager;
    const paged = pager && (paging || pager.ignoresPagingOff);
    const pages = pagesOf(answer, paged ? pager.lines : 0);
    let written = 0;
    // An endless pager starts over at the last page, forever.
    for (let index = 0; (index < pages.length || pager?.endless) && !closed; index++) {
      const page = pages[Math.min(index, pages.length - 1)]!;
      const chunk = behaviour.trickle?.bytes ?? page.length;
      for (let at = 0; at < page.length && !closed; at += chunk) {
        const piece = page.slice(at, at + chunk);
        if (behaviour.cutAfterBytes !== undefined && written + piece.length >= behaviour.cutAfterBytes) {
          stream.write(piece.slice(0, behaviour.cutAfterBytes - written));
          stream.close();
          closed = true;
          return;
        }
        stream.write(piece);
        written += piece.length;
        if (behaviour.trickle) await wait(behaviour.trickle.pauseMs);
      }
      if (paged && (index < pages.length - 1 || pager.endless)) {
        stream.write(pager.marker);
        await new Promise<void>((resolve) => (pagerWaiting = resolve));
        stream.write(pager.erase);
      }
    }
  };

  const run = async (command: string) => {
    if (askingSecret) {
      askingSecret = false;
      if (command === behaviour.enable?.secret) prompt = behaviour.enable.prompt;
      else write('% Access denied\n');
    } else if (behaviour.enable && command === behaviour.enable.command) {
      write('Password: ');
      askingSecret = true;
      return;
    } else if (behaviour.quiet?.includes(command)) {
      paging = false;
    } else if (command === behaviour.pagedCommand) {
      await writePaged(behaviour.answers[command]!);
    } else if (command in behaviour.answers) {
      write(behaviour.answers[command]!);
    } else if (command !== '') {
      write(behaviour.rejection ?? `% Unknown command: ${command}\n`);
    }
    showPrompt();
  };

  // Lines typed while a command runs wait their turn, as a device's terminal keeps them.
  const typedAhead: string[] = [];
  const runTyped = () => {
    if (busy) return;
    const command = typedAhead.shift();
    if (command === undefined) return;
    if (command === '' && behaviour.ignoresEmptyLines) {
      runTyped();
      return;
    }
    // The secret is not echoed, as on a real device.
    write(askingSecret ? '\n' : `${command}\n`);
    busy = true;
    void run(command).finally(() => {
      busy = false;
      runTyped();
    });
  };

  stream.on('data', (data: Buffer) => {
    for (const char of data.toString('utf8')) {
      if (pagerWaiting) {
        const resume = pagerWaiting;
        pagerWaiting = null;
        resume();
        continue;
      }
      if (char === '\r' || char === '\n') {
        typedAhead.push(line.trim());
        line = '';
        runTyped();
      } else line += char;
    }
  });
  if (behaviour.motd) write(behaviour.motd);
  showPrompt();
}
