-- Alarms become facts (type, subject reference, parameters) instead of a Portuguese sentence.
-- SNMP types carried their subject ("if_down:3", "signal_low:radio"): it moves to ref.
UPDATE "alarms" SET
  "ref" = CASE WHEN split_part("type", ':', 2) = 'radio' THEN 'radio' ELSE 'if:' || split_part("type", ':', 2) END,
  "type" = split_part("type", ':', 1)
WHERE "source" = 'snmp' AND position(':' in "type") > 0;
--> statement-breakpoint
-- ICMP: names from the devices and towers tables, counts from the row.
UPDATE "alarms" SET "params" = jsonb_build_object(
  'device', (SELECT "name" FROM "devices" WHERE "devices"."id" = "alarms"."device_id"))
WHERE "source" = 'icmp' AND "type" IN ('device_down', 'flapping', 'degraded', 'latency_anomaly');
--> statement-breakpoint
UPDATE "alarms" SET "params" = jsonb_build_object(
  'tower', (SELECT "name" FROM "towers" WHERE "towers"."id" = "alarms"."tower_id"))
WHERE "source" = 'icmp' AND "type" = 'tower_down';
--> statement-breakpoint
UPDATE "alarms" SET "params" = jsonb_build_object(
  'tower', (SELECT "name" FROM "towers" WHERE "towers"."id" = "alarms"."tower_id"),
  'failed', "affected",
  'total', (SELECT count(*) FROM "devices" WHERE "devices"."tower_id" = "alarms"."tower_id"))
WHERE "source" = 'icmp' AND "type" = 'sector_problem';
--> statement-breakpoint
-- SNMP: "Interface <name> went down".
UPDATE "alarms" SET "params" = jsonb_build_object('interface', substring("message" from '^Interface (.*) went down$'))
WHERE "source" = 'snmp' AND "type" = 'if_down' AND "message" ~ '^Interface .* went down$';
--> statement-breakpoint
-- SNMP thresholds: "<interface>: <words> <value> past <limit>".
UPDATE "alarms" SET "params" = jsonb_build_object(
  'interface', "parts"."m"[1],
  'value', CASE WHEN "parts"."m"[2] ~ '^-?[0-9]+(\.[0-9]+)?$' THEN "parts"."m"[2]::double precision END,
  'limit', CASE WHEN "parts"."m"[3] ~ '^-?[0-9]+(\.[0-9]+)?$' THEN "parts"."m"[3]::double precision END)
FROM (
  SELECT "id", regexp_match("message", '^(.*): \S+ (\S+) past (\S+)$') AS "m"
  FROM "alarms"
  WHERE "source" = 'snmp' AND "type" IN ('if_utilization', 'if_errors', 'signal_low')
) AS "parts"
WHERE "alarms"."id" = "parts"."id" AND "parts"."m" IS NOT NULL;
--> statement-breakpoint
-- Anything else keeps its sentence as a fact, so no alarm loses what it said.
UPDATE "alarms" SET "params" = jsonb_build_object('text', "message") WHERE "params" = '{}'::jsonb;
--> statement-breakpoint
-- One open alarm per source, subject and type.
UPDATE "alarms" SET "open_key" = "source" || ':' || coalesce("device_id", 0) || ':' || coalesce("tower_id", 0)
  || ':' || "type" || ':' || coalesce("ref", '')
WHERE "open_key" IS NOT NULL;
