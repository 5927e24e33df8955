import type { Severity } from '../../contract/entities';
import type { MessageTemplates, NotifyLanguage } from '../../contract/notify';
import { keepGivenParts } from '../../i18n/catalog';
import { defaultTemplates, previousDefaultTemplates } from './defaults';
import { eventText, type NotifyEvent } from './event';

/** What a template may use, for the settings page's help text. */
export const templatePlaceholders = [
  'icon',
  'id',
  'severity',
  'device',
  'tower',
  'address',
  'state',
  'message',
  'since',
  'duration',
  'latency',
  'affected',
] as const;
export type TemplatePlaceholder = (typeof templatePlaceholders)[number];

const severityIcon: Record<Severity, string> = {
  critical: '🔴',
  major: '🟠',
  minor: '🟡',
  warning: '🟡',
  info: '🔵',
};

/**
 * A state in a word or two, for the ICMP kinds, where the device's name says the rest. Every other
 * kind reads as its alarm text (which interface, what value, against what limit).
 */
const words: Record<NotifyLanguage, Record<string, string>> = {
  'pt-BR': {
    tower_down: 'torre fora',
    device_down: 'fora do ar',
    sector_problem: 'problema no setor',
    flapping: 'instável',
    degraded: 'degradado',
    latency_anomaly: 'latência anormal',
    none: '—',
    events: 'eventos',
  },
  en: {
    tower_down: 'tower down',
    device_down: 'down',
    sector_problem: 'sector problem',
    flapping: 'flapping',
    degraded: 'degraded',
    latency_anomaly: 'latency anomaly',
    none: '—',
    events: 'events',
  },
};

const locale: Record<NotifyLanguage, string> = { 'pt-BR': 'pt-BR', en: 'en-GB' };

export function formatDuration(ms: number): string {
  const totalMinutes = Math.max(0, Math.round(ms / 60_000));
  if (totalMinutes < 1) return `${Math.max(0, Math.round(ms / 1000))} s`;
  const days = Math.floor(totalMinutes / 1440);
  const hours = Math.floor((totalMinutes % 1440) / 60);
  const minutes = totalMinutes % 60;
  const parts = [days ? `${days}d` : '', hours ? `${hours}h` : '', minutes ? `${minutes}min` : ''];
  return parts.filter(Boolean).join(' ');
}

function formatSince(at: number, language: NotifyLanguage, timeZone: string | undefined): string {
  return new Intl.DateTimeFormat(locale[language], {
    dateStyle: 'short',
    timeStyle: 'short',
    timeZone,
  }).format(at);
}

function stateWords(event: NotifyEvent, language: NotifyLanguage): string {
  const base = event.type.split(':')[0] ?? event.type;
  return words[language][base] ?? eventText(event, language);
}

/** Alarm types whose device still answers, so that its latency is a current fact. */
const answering = new Set(['degraded', 'latency_anomaly', 'flapping']);

/**
 * The placeholders' values; null where the fact does not apply to this alarm (an optional part of
 * the template holding it is left out; elsewhere it reads "—").
 */
export function placeholderValues(
  event: NotifyEvent,
  language: NotifyLanguage,
  timeZone?: string,
): Record<TemplatePlaceholder, string | null> {
  const towerAlarm = event.device === null && event.tower !== null;
  const base = event.type.split(':')[0] ?? event.type;
  return {
    icon: severityIcon[event.severity],
    id: String(event.alarmId),
    severity: event.severity,
    // An alarm about neither a device nor a tower (a mass outage) has no name: its state says it.
    device: event.device ?? event.tower ?? null,
    // A tower alarm names the tower as its subject; a device with no tower has none to name.
    tower: towerAlarm || event.device === null ? null : event.tower,
    address: event.address,
    state: stateWords(event, language),
    message: eventText(event, language),
    since: formatSince(event.since, language, timeZone),
    duration: formatDuration(event.at - event.since),
    latency:
      event.latencyMs === null || !answering.has(base)
        ? null
        : `${new Intl.NumberFormat(locale[language], { maximumFractionDigits: 1 }).format(event.latencyMs)} ms`,
    affected: event.affected > 1 ? String(event.affected) : null,
  };
}

/** Unknown placeholders stay as typed, so a typo shows up in the preview instead of vanishing. */
export function renderEventLine(
  templates: MessageTemplates,
  event: NotifyEvent,
  language: NotifyLanguage,
  timeZone?: string,
): string {
  const values = placeholderValues(event, language, timeZone);
  const stored = event.kind === 'raised' ? templates.raised : templates.cleared;
  const template = previousDefaultTemplates.includes(stored)
    ? defaultTemplates[language][event.kind]
    : stored;
  const known = (name: string): name is TemplatePlaceholder => Object.hasOwn(values, name);
  const kept = keepGivenParts(template, (name) => !known(name) || (values[name] ?? '') !== '');
  const line = kept.replace(/\{([a-z]+)\}/g, (whole, name: string) =>
    known(name) ? (values[name] ?? words[language].none ?? '—') : whole,
  );
  // The recovery of an alarm that held others (a mass outage, the uplink) says what they did,
  // whatever the operator's recovery template shows.
  return event.kind === 'cleared' && event.params.returned !== undefined
    ? `${line}\n${values.message}`
    : line;
}

/** Telegram's limit is 4096 characters; room is left for the header. */
export const MAX_MESSAGE_CHARS = 3_900;

/**
 * The text of one grouped message per chunk: every event listed (none dropped to fit), split
 * into as many messages as the channel's length limit needs. Each chunk says which events it
 * carries, so the sender can mark exactly those as delivered.
 */
export function composeMessages(
  templates: MessageTemplates,
  events: NotifyEvent[],
  language: NotifyLanguage,
  timeZone?: string,
): { text: string; events: number[] }[] {
  const lines = events.map((event) => renderEventLine(templates, event, language, timeZone));
  const chunks: { lines: string[]; events: number[]; length: number }[] = [];
  lines.forEach((line, index) => {
    const clipped = line.length > MAX_MESSAGE_CHARS ? `${line.slice(0, MAX_MESSAGE_CHARS - 1)}…` : line;
    const last = chunks.at(-1);
    if (last && last.length + clipped.length + 1 <= MAX_MESSAGE_CHARS) {
      last.lines.push(clipped);
      last.events.push(index);
      last.length += clipped.length + 1;
    } else chunks.push({ lines: [clipped], events: [index], length: clipped.length });
  });
  return chunks.map((chunk, index) => {
    const header =
      events.length > 1
        ? `Vigia — ${events.length} ${words[language].events}${chunks.length > 1 ? ` (${index + 1}/${chunks.length})` : ''}\n`
        : '';
    return { text: header + chunk.lines.join('\n'), events: chunk.events };
  });
}

/** A realistic event for the template preview in settings. */
export function sampleEvent(kind: NotifyEvent['kind'], now: number): NotifyEvent {
  return {
    kind,
    alarmId: 1234,
    severity: 'critical',
    source: 'icmp',
    type: 'device_down',
    params: { device: 'AP Setor Norte' },
    deviceId: 1,
    device: 'AP Setor Norte',
    address: '10.20.30.40',
    towerId: 1,
    tower: 'Torre Alto Branco',
    since: now - 47 * 60_000,
    at: now,
    latencyMs: kind === 'raised' ? null : 12.4,
    affected: 37,
  };
}
