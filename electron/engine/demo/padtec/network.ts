import { seededRandom } from '../random';
import { cardModels, channelMeasure, siteNames, type CardModel, type MeasureTemplate } from './catalog';

export interface SimCard {
  uid: string;
  name: string;
  site: string;
  model: CardModel;
  familySpelling: string;
  part: number;
  serial: number;
  firmware: string;
  active: boolean;
  up: boolean;
  /** The NMS stopped refreshing this card at this time (stale data); null while it refreshes. */
  frozenAt: number | null;
  measures: MeasureTemplate[];
  /** Radians: every card drifts on its own phase. */
  phase: number;
}

export interface SimAlarm {
  oid: string;
  card: SimCard;
  name: string;
  group: string;
  severity: 'CRITICAL' | 'MAJOR' | 'MINOR' | 'WARNING';
  active: boolean;
  startAt: number;
  endAt: number | null;
}

export interface NetworkShape {
  sites: number;
  cardsPerSite: number;
  /** Measures per card; the model's own first, then per-channel powers. */
  measuresPerCard: number;
  seed: number;
}

/** A simulated optical backbone: sites, their cards (amplifiers, transponders, ROADMs) and measures. */
export function buildNetwork(shape: NetworkShape): SimCard[] {
  const random = seededRandom(shape.seed);
  const cards: SimCard[] = [];
  for (let s = 0; s < shape.sites; s++) {
    const site = siteNames[s] ?? `SITE-${String(s + 1).padStart(3, '0')}`;
    for (let c = 0; c < shape.cardsPerSite; c++) {
      const model = cardModels[(s + c) % cardModels.length]!;
      const own = model.measures.slice(0, shape.measuresPerCard);
      const channels = Array.from({ length: shape.measuresPerCard - own.length }, (_, i) =>
        channelMeasure(i + 1),
      );
      const number = cards.length + 1;
      cards.push({
        uid: `${model.model}-${site}#${900 + number}`,
        name: `${model.model} ${site} slot ${c + 1}`,
        site,
        model,
        familySpelling: model.familySpellings[number % model.familySpellings.length]!,
        part: 10_000 + ((number * 37) % 9_000),
        serial: 2_100_000 + number,
        firmware: `3.${number % 4}.${number % 7}`,
        active: true,
        up: true,
        frozenAt: null,
        measures: [...own, ...channels],
        phase: random() * Math.PI * 2,
      });
    }
  }
  return cards;
}

/** The NMS refreshes every 30 s: values and timestamps move in steps of that. */
export const REFRESH_MS = 30_000;
const DRIFT_PERIOD_MS = 6 * 3_600_000;

export function refreshedAt(card: SimCard, now: number): number {
  const step = Math.floor(now / REFRESH_MS) * REFRESH_MS;
  return card.frozenAt === null ? step : Math.min(step, card.frozenAt);
}

/** A measure's value at a refresh: its base plus a slow drift, as the string the API sends. */
export function measureValue(card: SimCard, template: MeasureTemplate, at: number): string {
  const angle = (2 * Math.PI * at) / DRIFT_PERIOD_MS + card.phase + template.key;
  return (template.base + template.swing * Math.sin(angle)).toFixed(3);
}
