-- Every device starts in the default poller group (id 1); its name is shown translated.
INSERT INTO poller_groups (id, name, pinned, created_at)
  VALUES (1, '', '[]'::jsonb, (extract(epoch FROM clock_timestamp()) * 1000)::bigint)
  ON CONFLICT DO NOTHING;
--> statement-breakpoint
SELECT setval(pg_get_serial_sequence('poller_groups', 'id'), GREATEST((SELECT max(id) FROM poller_groups), 1));
--> statement-breakpoint
-- Fencing: a session of a Vigia engine names its instance (connection option vigia.instance).
-- Writes only a poller leader may do are refused in the same statement unless that instance
-- holds an unexpired lease by the server's clock: a deposed or hung leader's late writes fail.
-- Sessions without the option (tools, a single workstation's migrations) are not fenced.
CREATE OR REPLACE FUNCTION vigia_holds_lease(only_group integer) RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT current_setting('vigia.instance', true) IS NULL
      OR current_setting('vigia.instance', true) = ''
      OR EXISTS (
        SELECT 1 FROM poller_leases
        WHERE holder = current_setting('vigia.instance', true)
          AND (only_group IS NULL OR group_id = only_group)
          AND expires_at > (extract(epoch FROM clock_timestamp()) * 1000)::bigint)
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION vigia_fence() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  -- TG_ARGV[0]: the group whose leader alone may write ('any': the leader of any group).
  IF NOT vigia_holds_lease(CASE WHEN TG_ARGV[0] = 'any' THEN NULL ELSE TG_ARGV[0]::integer END) THEN
    RAISE EXCEPTION 'vigia: instance % holds no poller lease for %', current_setting('vigia.instance', true), TG_TABLE_NAME
      USING ERRCODE = 'VGF01';
  END IF;
  IF TG_LEVEL = 'ROW' THEN RETURN NEW; END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER device_status_fence BEFORE INSERT OR UPDATE ON device_status
  FOR EACH STATEMENT EXECUTE FUNCTION vigia_fence('any');
--> statement-breakpoint
CREATE TRIGGER ping_samples_fence BEFORE INSERT ON ping_samples
  FOR EACH STATEMENT EXECUTE FUNCTION vigia_fence('any');
--> statement-breakpoint
-- The pollers' own alarms: raised, and cleared by the poller (an operator's clear names its author).
CREATE TRIGGER alarms_raise_fence BEFORE INSERT ON alarms
  FOR EACH ROW WHEN (NEW.source IN ('icmp', 'snmp', 'monitor'))
  EXECUTE FUNCTION vigia_fence('any');
--> statement-breakpoint
CREATE TRIGGER alarms_clear_fence BEFORE UPDATE ON alarms
  FOR EACH ROW WHEN (NEW.source IN ('icmp', 'snmp', 'monitor') AND OLD.cleared_at IS NULL
    AND NEW.cleared_at IS NOT NULL AND NEW.cleared_by IS NULL)
  EXECUTE FUNCTION vigia_fence('any');
--> statement-breakpoint
-- Telegram and webhooks are sent by the default group's leader: it alone enqueues and claims.
CREATE TRIGGER outbox_enqueue_fence BEFORE INSERT ON notification_outbox
  FOR EACH STATEMENT EXECUTE FUNCTION vigia_fence('1');
--> statement-breakpoint
CREATE TRIGGER outbox_claim_fence BEFORE UPDATE ON notification_outbox
  FOR EACH ROW WHEN (NEW.state = 'sending')
  EXECUTE FUNCTION vigia_fence('1');
