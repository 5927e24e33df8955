-- Alarms become facts (type, subject reference, parameters) instead of a Portuguese sentence.
-- SNMP types carried their subject ("if_down:3", "signal_low:radio"): it moves to ref.
UPDATE `alarms` SET
  `ref` = CASE WHEN substr(`type`, instr(`type`, ':') + 1) = 'radio' THEN 'radio'
               ELSE 'if:' || substr(`type`, instr(`type`, ':') + 1) END,
  `type` = substr(`type`, 1, instr(`type`, ':') - 1)
WHERE `source` = 'snmp' AND instr(`type`, ':') > 0;
--> statement-breakpoint
-- ICMP: names from the devices and towers tables, counts from the row.
UPDATE `alarms` SET `params` = json_object(
  'device', (SELECT `name` FROM `devices` WHERE `devices`.`id` = `alarms`.`device_id`))
WHERE `source` = 'icmp' AND `type` IN ('device_down', 'flapping', 'degraded', 'latency_anomaly');
--> statement-breakpoint
UPDATE `alarms` SET `params` = json_object(
  'tower', (SELECT `name` FROM `towers` WHERE `towers`.`id` = `alarms`.`tower_id`))
WHERE `source` = 'icmp' AND `type` = 'tower_down';
--> statement-breakpoint
UPDATE `alarms` SET `params` = json_object(
  'tower', (SELECT `name` FROM `towers` WHERE `towers`.`id` = `alarms`.`tower_id`),
  'failed', `affected`,
  'total', (SELECT count(*) FROM `devices` WHERE `devices`.`tower_id` = `alarms`.`tower_id`))
WHERE `source` = 'icmp' AND `type` = 'sector_problem';
--> statement-breakpoint
-- SNMP: "Interface <name> went down".
UPDATE `alarms` SET `params` = json_object('interface', substr(`message`, 11, length(`message`) - 20))
WHERE `source` = 'snmp' AND `type` = 'if_down' AND `message` LIKE 'Interface % went down';
--> statement-breakpoint
-- SNMP thresholds: "<interface>: <words> <value> past <limit>".
UPDATE `alarms` SET `params` = json_object(
  'interface', `parts`.`interface`,
  'value', CASE WHEN `parts`.`value` GLOB '*[0-9]*' AND `parts`.`value` NOT GLOB '*[^0-9.-]*'
                THEN CAST(`parts`.`value` AS REAL) END,
  'limit', CASE WHEN `parts`.`limit` GLOB '*[0-9]*' AND `parts`.`limit` NOT GLOB '*[^0-9.-]*'
                THEN CAST(`parts`.`limit` AS REAL) END)
FROM (
  SELECT `id`, `interface`,
         substr(`rest`, instr(`rest`, ' ') + 1, instr(`rest`, ' past ') - instr(`rest`, ' ') - 1) AS `value`,
         substr(`rest`, instr(`rest`, ' past ') + 6) AS `limit`
  FROM (
    SELECT `id`,
           substr(`message`, 1, instr(`message`, ': ') - 1) AS `interface`,
           substr(`message`, instr(`message`, ': ') + 2) AS `rest`
    FROM `alarms`
    WHERE `source` = 'snmp' AND `type` IN ('if_utilization', 'if_errors', 'signal_low')
      AND instr(`message`, ': ') > 0 AND instr(`message`, ' past ') > 0
  )
) AS `parts`
WHERE `alarms`.`id` = `parts`.`id`;
--> statement-breakpoint
-- Anything else keeps its sentence as a fact, so no alarm loses what it said.
UPDATE `alarms` SET `params` = json_object('text', `message`) WHERE `params` = '{}';
--> statement-breakpoint
-- One open alarm per source, subject and type.
UPDATE `alarms` SET `open_key` = `source` || ':' || coalesce(`device_id`, 0) || ':' || coalesce(`tower_id`, 0)
  || ':' || `type` || ':' || coalesce(`ref`, '')
WHERE `open_key` IS NOT NULL;
