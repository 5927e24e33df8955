-- Fencing of what the duties beside the pollers measure (duty_fence covers their alarms and
-- backup versions): a synthetic check's result is written only by the leader of the check's
-- poller group, an optical sample — and now an optical alarm — only by the leader of its
-- endpoint's group (kept in the optical settings; an endpoint without one, or a sample of no
-- known measure, is in the default group 1). A deposed or hung leader's late round is refused
-- whole, in the same statement. Sessions without vigia.instance are not fenced.
CREATE OR REPLACE FUNCTION vigia_optical_endpoint_group(endpoint integer) RETURNS integer
LANGUAGE sql STABLE AS $$
  SELECT coalesce((
    SELECT (e ->> 'groupId')::integer
    FROM settings s, jsonb_array_elements(s.value::jsonb -> 'endpoints') e
    WHERE s.key = 'optical.config' AND (e ->> 'id')::integer = endpoint
    LIMIT 1), 1)
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION vigia_fence_duty_rows() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  refused boolean;
BEGIN
  -- Once per statement over the rows it wrote (a round's results or samples): each distinct
  -- subject's group is looked up once, not once per row.
  IF TG_TABLE_NAME = 'synthetic_results' THEN
    SELECT EXISTS (
      SELECT 1 FROM (SELECT DISTINCT check_id FROM written) w
      LEFT JOIN synthetic_checks c ON c.id = w.check_id
      WHERE NOT vigia_holds_lease(coalesce(c.group_id, 1))) INTO refused;
  ELSE
    SELECT EXISTS (
      SELECT 1 FROM (SELECT DISTINCT m.endpoint_id FROM written w
                     LEFT JOIN optical_measures m ON m.id = w.measure_id) e
      WHERE NOT vigia_holds_lease(vigia_optical_endpoint_group(e.endpoint_id))) INTO refused;
  END IF;
  IF refused THEN
    RAISE EXCEPTION 'vigia: instance % holds no poller lease for %', current_setting('vigia.instance', true), TG_TABLE_NAME
      USING ERRCODE = 'VGF01';
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER synthetic_results_fence AFTER INSERT ON synthetic_results
  REFERENCING NEW TABLE AS written
  FOR EACH STATEMENT EXECUTE FUNCTION vigia_fence_duty_rows();
--> statement-breakpoint
CREATE TRIGGER optical_samples_fence AFTER INSERT ON optical_samples
  REFERENCING NEW TABLE AS written
  FOR EACH STATEMENT EXECUTE FUNCTION vigia_fence_duty_rows();
--> statement-breakpoint
-- An optical alarm (ref 'optical:<endpoint>:…') is now written only by the leader of its
-- endpoint's group too, not by the leader of any group: duty_fence's function, with that branch.
CREATE OR REPLACE FUNCTION vigia_fence_subject() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  subject_group integer;
BEGIN
  -- TG_ARGV[0]: 'device' (the row's device_id names the group) or 'alarm' (its device, its
  -- synthetic check by ref, or its optical endpoint by ref). Branches, not one expression: a table
  -- lacks the other's columns.
  IF TG_ARGV[0] = 'device' THEN
    subject_group := vigia_device_group(NEW.device_id);
  ELSIF NEW.device_id IS NOT NULL THEN
    subject_group := vigia_device_group(NEW.device_id);
  ELSIF NEW.ref LIKE 'synthetic:check:%' THEN
    SELECT coalesce(max(group_id), 1) INTO subject_group FROM synthetic_checks
      WHERE id = substring(NEW.ref FROM 17)::integer;
  ELSIF NEW.ref ~ '^optical:[0-9]+:' THEN
    subject_group := vigia_optical_endpoint_group(substring(NEW.ref FROM '^optical:([0-9]+):')::integer);
  END IF;
  IF NOT vigia_holds_lease(subject_group) THEN
    RAISE EXCEPTION 'vigia: instance % holds no poller lease for %', current_setting('vigia.instance', true), TG_TABLE_NAME
      USING ERRCODE = 'VGF01';
  END IF;
  RETURN NEW;
END $$;
