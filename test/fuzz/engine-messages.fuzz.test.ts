import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  EngineCommand,
  EngineMessage,
  type EngineMessage as Message,
} from '../../shared/contract/engine-process';
import { WsRequest } from '../../shared/contract/ws';
import { serveEngine } from '../../electron/workers/engine/serve-engine';
import { hostileText, hostileValue, RUNS } from './arbitraries';

// Messages between the process serving the UI and the engine's process, and the browser's
// WebSocket frames: schema-invalid, oversized or hostile, each is refused by its schema or answered
// with a protocol error; the receiver never throws and never exits.
const command = fc.oneof(
  hostileValue,
  fc.record({ kind: fc.constantFrom('call', 'start', 'cipher-reply', 'stop', 'nope'), id: hostileValue }),
  fc.record({
    kind: fc.constant('call'),
    id: fc.oneof(fc.integer(), fc.double()),
    method: hostileText,
    input: hostileValue,
    auth: fc.oneof(
      hostileValue,
      fc.record({ kind: fc.constant('session'), session: hostileText }),
      fc.record({ kind: fc.constant('host'), actor: hostileText, role: hostileText }),
    ),
  }),
);

describe('fuzz: engine-process messages', () => {
  it('the engine answers anything a host sends before start with a protocol error or "unavailable"', () => {
    const sent: Message[] = [];
    let exited: number | null = null;
    let deliver: (message: unknown) => void = () => undefined;
    serveEngine(
      { send: (message) => sent.push(message), onMessage: (listener) => (deliver = listener) },
      (code) => (exited = code),
    );
    fc.assert(
      fc.property(command, (raw) => {
        // A 'start' or 'stop' would start or stop an engine: that is not bad input.
        fc.pre(!EngineCommand.safeParse(raw).success || (raw as { kind: string }).kind === 'call');
        sent.length = 0;
        deliver(raw);
        expect(sent).toHaveLength(1);
        const [answer] = sent;
        expect(EngineMessage.safeParse(answer).success).toBe(true);
        if (answer!.kind === 'reply') expect(answer!.ok).toBe(false);
        else expect(answer!.kind).toBe('protocol-error');
      }),
      RUNS,
    );
    expect(exited).toBeNull();
  });

  it('both sides parse any value without throwing', () => {
    fc.assert(
      fc.property(hostileValue, (raw) => {
        expect(typeof EngineCommand.safeParse(raw).success).toBe('boolean');
        expect(typeof EngineMessage.safeParse(raw).success).toBe('boolean');
        expect(typeof WsRequest.safeParse(raw).success).toBe('boolean');
      }),
      RUNS,
    );
  });
});
