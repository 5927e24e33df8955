import { Badge, Group, Text, Tree, useTree, type TreeNodeData } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Device } from '../../../shared/contract/entities';

/** The configured parent tree, each device marked where the neighbour tables put it elsewhere. */
export function TopologyTree({
  devices,
  inventoryVersion,
  discovered,
}: {
  devices: Map<number, Device>;
  /** Changes when devices are added, edited or removed (the map itself is updated in place). */
  inventoryVersion: number;
  discovered: Map<number, number>;
}) {
  const { t } = useTranslation();
  const data = useMemo(() => {
    const children = new Map<number | null, Device[]>();
    for (const device of devices.values()) {
      // A parent that is gone leaves its children at the root, as the monitor treats them.
      const parent = device.parentId !== null && devices.has(device.parentId) ? device.parentId : null;
      children.set(parent, [...(children.get(parent) ?? []), device]);
    }
    const build = (parent: number | null): TreeNodeData[] =>
      (children.get(parent) ?? [])
        .sort((a, b) => a.name.localeCompare(b.name))
        .map((device) => ({ value: String(device.id), label: device.name, children: build(device.id) }));
    // Opened down to the sectors: their CPEs (most of the network) open on a click.
    const expanded: Record<string, boolean> = {};
    for (const [parent, list] of children)
      if (parent !== null) expanded[String(parent)] = list.some((device) => device.kind !== 'cpe');
    return { nodes: build(null), expanded };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the map changes in place; the version says when
  }, [devices, inventoryVersion]);
  const tree = useTree({ initialExpandedState: data.expanded });

  return (
    <Tree
      data={data.nodes}
      tree={tree}
      levelOffset={18}
      data-testid="topology-tree"
      renderNode={({ node, expanded, hasChildren, elementProps }) => {
        const device = devices.get(Number(node.value))!;
        const seenUnder = discovered.get(device.id);
        const disagrees = seenUnder !== undefined && seenUnder !== device.parentId;
        return (
          <Group gap={6} wrap="nowrap" {...elementProps} data-testid={`topology-node-${device.id}`}>
            <Text size="sm" c="dimmed" w={12}>
              {hasChildren ? (expanded ? '▾' : '▸') : ''}
            </Text>
            <Text size="sm">{device.name}</Text>
            <Badge size="xs" variant="outline">
              {t(`kind.${device.kind}`)}
            </Badge>
            {disagrees && (
              <Badge size="xs" color="orange" variant="light" data-testid="topology-disagrees">
                {t('topology.seenUnder', { parent: devices.get(seenUnder)?.name ?? `#${seenUnder}` })}
              </Badge>
            )}
          </Group>
        );
      }}
    />
  );
}
