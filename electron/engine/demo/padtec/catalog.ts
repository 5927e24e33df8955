import type { OpticalFamily } from '../../../../shared/contract/optical-worker';

/** One measure a simulated card reports: its key, words, and the value it wanders around. */
export interface MeasureTemplate {
  key: number;
  name: string;
  group: string | null;
  resource: string;
  base: number;
  /** Peak of the slow sine drift. */
  swing: number;
}

export interface CardModel {
  model: string;
  family: OpticalFamily;
  /** How each build spells the family: the collector must normalise it. */
  familySpellings: readonly string[];
  measures: readonly MeasureTemplate[];
}

const temperature: MeasureTemplate = {
  key: 7261,
  name: 'Board Temperature',
  group: null,
  resource: 'BOARD',
  base: 38,
  swing: 2,
};

/** Card models of a Padtec backbone, with measure keys and figures from the public material. */
export const cardModels: readonly CardModel[] = [
  {
    model: 'LOA-BA17',
    family: 'amplifier',
    familySpellings: ['Amplifier', 'AMPLIFIER', 'amplifier'],
    measures: [
      { key: 7260, name: 'Pump Power', group: 'POWER', resource: 'PUMP', base: 26.5, swing: 0.3 },
      { key: 7255, name: 'IN Line IN Power', group: 'POWER', resource: 'LINE IN', base: -12, swing: 0.4 },
      { key: 7256, name: 'OUT Line Power', group: 'POWER', resource: 'LINE OUT', base: 17, swing: 0.3 },
      { key: 7262, name: 'Gain', group: 'GAIN', resource: 'LINE', base: 22, swing: 0.2 },
      { key: 7263, name: 'Pump Current', group: 'CURRENT', resource: 'PUMP', base: 350, swing: 5 },
      temperature,
    ],
  },
  {
    model: 'TM1200G',
    family: 'transponder',
    familySpellings: ['Transponder', 'TRANSPONDER', 'transponder'],
    measures: [
      { key: 7255, name: 'Line IN Power', group: 'POWER', resource: 'LINE IN', base: -9, swing: 0.5 },
      { key: 7256, name: 'OUT Line Power', group: 'POWER', resource: 'LINE OUT', base: 0.5, swing: 0.2 },
      { key: 7270, name: 'OSNR', group: null, resource: 'LINE IN', base: 24, swing: 0.6 },
      { key: 7272, name: 'Client IN Power', group: 'POWER', resource: 'CLIENT', base: -4, swing: 0.3 },
      { key: 7264, name: 'Supply Voltage', group: 'VOLTS', resource: 'BOARD', base: 3.3, swing: 0.02 },
      temperature,
    ],
  },
  {
    model: 'WSS-9',
    family: 'roadm_wss',
    familySpellings: ['roadm_wss', 'ROADM_WSS', 'Roadm_Wss'],
    measures: [
      { key: 7255, name: 'IN Line IN Power', group: 'POWER', resource: 'LINE IN', base: -15, swing: 0.4 },
      { key: 7256, name: 'OUT Line Power', group: 'POWER', resource: 'LINE OUT', base: -3, swing: 0.3 },
      { key: 7280, name: 'Express Attenuation', group: 'POWER', resource: 'EXPRESS', base: 6, swing: 0.2 },
      temperature,
    ],
  },
];

/** Per-channel powers fill a card up to the measures it is asked to report. */
export function channelMeasure(channel: number): MeasureTemplate {
  return {
    key: 7300 + channel,
    name: `Channel ${channel} Power`,
    group: 'POWER',
    resource: `CH${channel}`,
    base: -18,
    swing: 0.5,
  };
}

export const siteNames = [
  'CGE-CENTRO',
  'JPA-TAMBIA',
  'PTS-SUL',
  'CAR-NORTE',
  'SOU-LESTE',
  'REC-BOA-VISTA',
  'NAT-RIBEIRA',
  'MOS-CENTRO',
] as const;
