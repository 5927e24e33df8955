import { Badge, Box, Button, Checkbox, Group, Text } from '@mantine/core';
import { memo } from 'react';
import type { Alarm } from '../../../shared/contract/entities';
import { SeverityBadge } from '../shared/state-badge';

export const ALARM_COLUMNS = '36px 110px minmax(0, 1fr) 90px 110px 170px 150px';

export interface AlarmRowProps {
  alarm: Alarm;
  text: string;
  source: string;
  raisedAt: string;
  /** Who acknowledged it, or the "acknowledge" button on the active tab. */
  acknowledgeLabel: string | null;
  /** Null where it cannot be selected (the history tab). */
  selected: boolean | null;
  top: number;
  height: number;
  indent: boolean;
  onToggle(id: number): void;
  onAcknowledge(id: number): void;
  onOpen(alarm: Alarm): void;
}

/** One alarm in the virtualised list: a fixed-height grid row, positioned by the list. */
export const AlarmRow = memo(function AlarmRow(props: AlarmRowProps) {
  const { alarm } = props;
  return (
    <Box
      data-testid="alarm-row"
      style={{
        position: 'absolute',
        top: props.top,
        height: props.height,
        left: 0,
        right: 0,
        display: 'grid',
        gridTemplateColumns: ALARM_COLUMNS,
        alignItems: 'center',
        gap: 8,
        paddingLeft: props.indent ? 24 : 0,
        borderBottom: '1px solid var(--mantine-color-default-border)',
      }}
    >
      {props.selected === null ? (
        <span />
      ) : (
        <Checkbox
          checked={props.selected}
          onChange={() => props.onToggle(alarm.id)}
          aria-label={props.text}
        />
      )}
      <SeverityBadge severity={alarm.severity} />
      <Text
        size="sm"
        truncate
        style={{ cursor: alarm.deviceId ? 'pointer' : 'default' }}
        onClick={() => props.onOpen(alarm)}
        title={alarm.note ? `${props.text} — ${alarm.note}` : props.text}
      >
        {props.text}
        {alarm.note && (
          <Text span size="sm" c="dimmed">
            {' — '}
            {alarm.note}
          </Text>
        )}
      </Text>
      <Group gap={4}>
        {alarm.affected > 1 ? (
          <Badge variant="outline">{alarm.affected}</Badge>
        ) : (
          <Text size="sm">{alarm.affected}</Text>
        )}
      </Group>
      <Text size="sm">{props.source}</Text>
      <Text size="sm">{props.raisedAt}</Text>
      {props.acknowledgeLabel === null ? (
        <Text size="sm">{alarm.acknowledgedBy ?? '—'}</Text>
      ) : (
        <Button size="xs" variant="light" onClick={() => props.onAcknowledge(alarm.id)} data-testid="ack-one">
          {props.acknowledgeLabel}
        </Button>
      )}
    </Box>
  );
});
