import type { TFunction } from 'i18next';
import { DEFAULT_POLLER_GROUP, type PollerGroup } from '../../../shared/contract/cluster';

/** The default group's stored name is empty: it reads in the page's language. */
export function groupName(group: Pick<PollerGroup, 'id' | 'name'>, t: TFunction): string {
  return group.id === DEFAULT_POLLER_GROUP ? t('cluster.defaultGroup') : group.name;
}
