import type { OpticalCadences, OpticalRules, ThresholdRule } from '../../contract/optical';

export const OPTICAL_CONFIG_KEY = 'optical.config';
export const OPTICAL_SECRETS_KEY = 'optical.secrets';

export const defaultCadences: OpticalCadences = {
  inventoryMinutes: 60,
  criticalMeasuresSeconds: 60,
  otherMeasuresSeconds: 300,
  vendorAlarmsSeconds: 30,
};

export const MEASURE_KEYS = {
  lineInPower: 7255,
  lineOutPower: 7256,
  pumpPower: 7260,
  boardTemperature: 7261,
  gain: 7262,
  osnr: 7270,
} as const;

const rule = (fields: Omit<ThresholdRule, 'hysteresis' | 'enabled'>): ThresholdRule => ({
  ...fields,
  hysteresis: 0.5,
  enabled: true,
});

/**
 * Starting limits from public figures (docs: ../shared/padtec-smart-api.md), each for one card
 * model — the captured pump power of 26.5 sits outside a naive 12–24 range, so nothing is global.
 */
export const defaultThresholds: ThresholdRule[] = [
  // One Padtec operator alarms amplifier input at ≤ −18 dBm (warning) and ≤ −23 dBm (critical).
  rule({
    id: 'edfa-in-warning',
    cardModel: 'LOA-BA17',
    measureKey: 7255,
    condition: 'BELOW',
    min: -18,
    max: null,
    severity: 'warning',
  }),
  rule({
    id: 'edfa-in-critical',
    cardModel: 'LOA-BA17',
    measureKey: 7255,
    condition: 'BELOW',
    min: -23,
    max: null,
    severity: 'critical',
  }),
  // EDFA total output at most about 21–25 dBm; gain 8–35 dB.
  rule({
    id: 'edfa-out-high',
    cardModel: 'LOA-BA17',
    measureKey: 7256,
    condition: 'ABOVE',
    min: null,
    max: 24,
    severity: 'major',
  }),
  rule({
    id: 'edfa-gain',
    cardModel: 'LOA-BA17',
    measureKey: 7262,
    condition: 'RANGE',
    min: 8,
    max: 35,
    severity: 'minor',
  }),
  // 100G coherent needs about 11–12 dB OSNR, plus about 2 dB margin.
  rule({
    id: 'tm1200g-osnr',
    cardModel: 'TM1200G',
    measureKey: 7270,
    condition: 'BELOW',
    min: 14,
    max: null,
    severity: 'major',
  }),
  // Loss of light near −35 dBm at an input.
  rule({
    id: 'tm1200g-los',
    cardModel: 'TM1200G',
    measureKey: 7255,
    condition: 'BELOW',
    min: -30,
    max: null,
    severity: 'critical',
  }),
];

export const defaultRules: OpticalRules = {
  thresholds: defaultThresholds,
  rate: { enabled: true, dropDb: 3, windowMinutes: 60, hysteresis: 0.5, severity: 'major' },
  staleMinutes: 5,
  cardDownSeverity: 'critical',
  criticalKeys: [
    MEASURE_KEYS.pumpPower,
    MEASURE_KEYS.lineInPower,
    MEASURE_KEYS.lineOutPower,
    MEASURE_KEYS.osnr,
  ],
  units: [
    { measureKey: MEASURE_KEYS.pumpPower, group: null, unit: 'mW' },
    { measureKey: MEASURE_KEYS.boardTemperature, group: null, unit: '°C' },
    { measureKey: MEASURE_KEYS.gain, group: null, unit: 'dB' },
    { measureKey: MEASURE_KEYS.osnr, group: null, unit: 'dB' },
    { measureKey: null, group: 'POWER', unit: 'dBm' },
    { measureKey: null, group: 'GAIN', unit: 'dB' },
    { measureKey: null, group: 'CURRENT', unit: 'mA' },
    { measureKey: null, group: 'VOLTS', unit: 'V' },
  ],
};
