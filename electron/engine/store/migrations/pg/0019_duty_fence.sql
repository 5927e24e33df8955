-- Fencing of the leader-only work beside the pollers (cluster_fence covers the pollers): a
-- configuration backup, and the alarms of backups, optical endpoints and synthetic checks, are
-- written only by the leader of their subject's poller group — a device's group, a synthetic
-- check's group, else (an optical endpoint, whose group lives in its settings) the leader of any.
CREATE OR REPLACE FUNCTION vigia_device_group(device integer) RETURNS integer
LANGUAGE sql STABLE AS $$
  SELECT coalesce((SELECT group_id FROM poller_group_devices WHERE device_id = device), 1)
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION vigia_fence_subject() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  subject_group integer;
BEGIN
  -- TG_ARGV[0]: 'device' (the row's device_id names the group) or 'alarm' (its device, or its
  -- synthetic check by ref). Branches, not one expression: a table lacks the other's columns.
  IF TG_ARGV[0] = 'device' THEN
    subject_group := vigia_device_group(NEW.device_id);
  ELSIF NEW.device_id IS NOT NULL THEN
    subject_group := vigia_device_group(NEW.device_id);
  ELSIF NEW.ref LIKE 'synthetic:check:%' THEN
    SELECT coalesce(max(group_id), 1) INTO subject_group FROM synthetic_checks
      WHERE id = substring(NEW.ref FROM 17)::integer;
  END IF;
  IF NOT vigia_holds_lease(subject_group) THEN
    RAISE EXCEPTION 'vigia: instance % holds no poller lease for %', current_setting('vigia.instance', true), TG_TABLE_NAME
      USING ERRCODE = 'VGF01';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER backup_versions_fence BEFORE INSERT ON backup_versions
  FOR EACH ROW EXECUTE FUNCTION vigia_fence_subject('device');
--> statement-breakpoint
CREATE TRIGGER alarms_duty_raise_fence BEFORE INSERT ON alarms
  FOR EACH ROW WHEN (NEW.source IN ('optical', 'backup', 'synthetic'))
  EXECUTE FUNCTION vigia_fence_subject('alarm');
--> statement-breakpoint
CREATE TRIGGER alarms_duty_clear_fence BEFORE UPDATE ON alarms
  FOR EACH ROW WHEN (NEW.source IN ('optical', 'backup', 'synthetic') AND OLD.cleared_at IS NULL
    AND NEW.cleared_at IS NOT NULL AND NEW.cleared_by IS NULL)
  EXECUTE FUNCTION vigia_fence_subject('alarm');
