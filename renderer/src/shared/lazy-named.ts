import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

/**
 * A component whose module loads on its first render. React's lazy wants a default export; the
 * app's modules export by name.
 */
export function lazyNamed<P extends object, K extends string>(
  load: () => Promise<Record<K, ComponentType<P>>>,
  name: K,
): LazyExoticComponent<ComponentType<P>> {
  return lazy(() => load().then((module) => ({ default: module[name] })));
}
