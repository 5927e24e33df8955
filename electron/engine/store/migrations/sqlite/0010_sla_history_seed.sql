-- SLA history starts from what is stored: each device's current state opens its history, and the
-- five-minute rollups already kept become daily aggregates (UTC days).
INSERT OR IGNORE INTO `device_state_changes` (`device_id`, `at`, `state`, `cause`)
SELECT `device_id`, `since`, `state`, `cause` FROM `device_status`;
--> statement-breakpoint
INSERT OR IGNORE INTO `ping_daily` (`device_id`, `day`, `samples`, `min_ms`, `avg_ms`, `max_ms`, `loss_pct`, `up_pct`)
SELECT `device_id`, `bucket` - `bucket` % 86400000, SUM(`samples`), MIN(`min_ms`),
  ROUND(SUM(`avg_ms` * `samples`) / NULLIF(SUM(CASE WHEN `avg_ms` IS NULL THEN 0 ELSE `samples` END), 0), 1),
  MAX(`max_ms`), ROUND(SUM(`loss_pct` * `samples`) / SUM(`samples`), 2),
  ROUND(SUM(`up_pct` * `samples`) / SUM(`samples`), 2)
FROM `ping_rollups` WHERE `samples` > 0 GROUP BY `device_id`, `bucket` - `bucket` % 86400000;
