import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../../../shared/contract/settings';
import {
  candidateOf,
  changedFields,
  checkDraft,
  draftOf,
  errorsByField,
  isDirty,
  restartFields,
} from '../../../../../renderer/src/settings/group-draft';
import { groupFields } from '../../../../../renderer/src/settings/group-fields';

const defaults = defaultSettings();

describe('settings group drafts', () => {
  it('show a stored group as typed text, switches as switches, no centre as empty', () => {
    expect(draftOf(defaults.map, groupFields.map)).toEqual({
      tileUrl: '',
      centerLat: '',
      centerLng: '',
      zoom: '12',
    });
    expect(draftOf(defaults.monitor, groupFields.monitor)).toMatchObject({
      criticalS: '15',
      stableS: '60',
      recheck: true,
    });
  });

  it('send numbers as numbers, a decimal comma included, and an empty optional number as null', () => {
    const draft = {
      ...draftOf(defaults.map, groupFields.map),
      centerLat: '-7,23',
      centerLng: ' -35.88 ',
      zoom: '9',
    };
    expect(candidateOf(draft, groupFields.map)).toEqual({
      tileUrl: '',
      centerLat: -7.23,
      centerLng: -35.88,
      zoom: 9,
    });
    expect(candidateOf({ ...draft, centerLat: '', centerLng: '' }, groupFields.map)).toMatchObject({
      centerLat: null,
      centerLng: null,
    });
  });

  it('leave what is not a number as typed, so the check names it', () => {
    const draft = { ...draftOf(defaults.monitor, groupFields.monitor), stableS: 'abc', probes: '' };
    expect(candidateOf(draft, groupFields.monitor)).toMatchObject({ stableS: 'abc', probes: '' });
    expect(checkDraft('monitor', draft, groupFields.monitor, 'en')).toEqual({
      value: null,
      errors: {
        stableS: 'Stable interval (s): must be a number.',
        probes: 'Pings per check: must be a number.',
      },
    });
  });

  it('are checked with the contract’s cross-field rules in the page language', () => {
    const draft = { ...draftOf(defaults.monitor, groupFields.monitor), stableS: '20' };
    expect(checkDraft('monitor', draft, groupFields.monitor, 'pt-BR')).toEqual({
      value: null,
      errors: { unstableS: 'Intervalo instável (s): não pode ser maior que o intervalo estável (20 s).' },
    });
    const fine = { ...draft, criticalS: '10', unstableS: '20' };
    expect(checkDraft('monitor', fine, groupFields.monitor, 'pt-BR')).toEqual({
      value: { ...defaults.monitor, criticalS: 10, unstableS: 20, stableS: 20 },
      errors: {},
    });
  });

  it('keep the first engine issue of each field', () => {
    expect(
      errorsByField([
        { path: 'timeoutMs', message: 'first' },
        { path: 'timeoutMs', message: 'second' },
        { path: 'zoom', message: 'zoom' },
      ]),
    ).toEqual({ timeoutMs: 'first', zoom: 'zoom' });
  });

  it('tell which saved changes wait for a restart', () => {
    const after = { ...defaults.monitor, stableS: 90, anomalyWindow: 120 };
    expect(changedFields(defaults.monitor, after)).toEqual(['stableS', 'anomalyWindow']);
    expect(restartFields('monitor', changedFields(defaults.monitor, after))).toEqual(['anomalyWindow']);
    expect(restartFields('monitor', ['stableS'])).toEqual([]);
    expect(restartFields('map', ['tileUrl'])).toEqual([]);
  });

  it('know when the form differs from what is stored', () => {
    const saved = draftOf(defaults.snmp, groupFields.snmp);
    expect(isDirty(saved, saved)).toBe(false);
    expect(isDirty({ ...saved, port: '1161' }, saved)).toBe(true);
    expect(isDirty({ ...saved, port: '161' }, saved)).toBe(false);
  });
});
