// The engine's own process (utilityProcess in the app, child_process.fork headless): the store,
// the monitors, the notifier and the collectors' supervisor, away from the process that serves
// the windows or the HTTP/WebSocket server, so their event loop stays free while the engine works.
import type { EngineMessage } from '../../../shared/contract/engine-process';
import { parentChannel } from '../host/parent-channel';
import { serveEngine } from './serve-engine';

// Orphaned, or interrupted with its host (Ctrl+C reaches the whole process group), the engine
// still finishes its writes before it exits; its host normally asks with a `stop` message.
const channel = parentChannel<EngineMessage>('engine', () => served.stop());
const served = serveEngine(channel, (code) => process.exit(code));
process.on('SIGINT', () => served.stop());
process.on('SIGTERM', () => served.stop());
