import { Select } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_POLLER_GROUP, type PollerGroup } from '../../../shared/contract/cluster';
import { getClient } from '../client';
import { notifyError } from '../shared/notify';
import { groupName } from './poller-group-name';

/**
 * The poller group whose leader runs a job that is not a device's (a synthetic check, an optical
 * endpoint): with several workstations on one PostgreSQL, only that leader runs it.
 */
export function PollerGroupSelect(props: { value: number; onChange(group: number): void; testId: string }) {
  const { t } = useTranslation();
  const [groups, setGroups] = useState<Pick<PollerGroup, 'id' | 'name'>[]>([
    { id: DEFAULT_POLLER_GROUP, name: '' },
  ]);
  useEffect(() => {
    void getClient().invoke('cluster.groups.list', undefined).then(setGroups, notifyError);
  }, []);
  return (
    <Select
      label={t('cluster.runBy')}
      description={t('cluster.runByHint')}
      data={groups.map((group) => ({ value: String(group.id), label: groupName(group, t) }))}
      value={String(props.value)}
      onChange={(value) => props.onChange(Number(value ?? DEFAULT_POLLER_GROUP))}
      allowDeselect={false}
      data-testid={props.testId}
    />
  );
}
