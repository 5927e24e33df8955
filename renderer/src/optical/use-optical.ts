import { useCallback, useEffect, useRef, useState } from 'react';
import type { OpticalConfig, OpticalConfigInput } from '../../../shared/contract/optical';
import { getClient } from '../client';
import { notifyError } from '../shared/notify';
import { operatorName } from '../shared/operator';

/**
 * Reads a value from the engine now and every `everyMs`, until the component goes away; `key`
 * names what is read (a change reads again at once). The returned function reads again now.
 */
export function usePolled<T>(load: () => Promise<T>, everyMs: number, key = ''): [T | null, () => void] {
  const [value, setValue] = useState<T | null>(null);
  const [round, setRound] = useState(0);
  const latest = useRef(load);
  useEffect(() => {
    latest.current = load;
  });
  useEffect(() => {
    let live = true;
    const read = () =>
      void latest.current().then((next) => {
        if (live) setValue(next);
      }, notifyError);
    read();
    const timer = setInterval(read, everyMs);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [everyMs, key, round]);
  const refresh = useCallback(() => setRound((count) => count + 1), []);
  return [value, refresh];
}

/** The stored configuration as an edit: every endpoint keeps its password unless a new one is typed. */
export function toInput(config: OpticalConfig): OpticalConfigInput {
  return {
    endpoints: config.endpoints.map(({ passwordSet: _passwordSet, ...endpoint }) => ({
      ...endpoint,
      password: null,
    })),
    cadences: config.cadences,
    rules: config.rules,
  };
}

/** The optical configuration and the one way to save a changed copy of it. */
export function useOpticalConfig() {
  const [config, setConfig] = useState<OpticalConfig | null>(null);
  useEffect(() => {
    void getClient().invoke('optical.config.get', undefined).then(setConfig, notifyError);
  }, []);
  const save = useCallback(async (input: OpticalConfigInput) => {
    const saved = await getClient().invoke('optical.config.set', { config: input, by: operatorName() });
    setConfig(saved);
    return saved;
  }, []);
  return { config, save };
}
