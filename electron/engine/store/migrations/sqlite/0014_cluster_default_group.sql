-- Every device starts in the default poller group (id 1); its name is shown translated.
INSERT INTO poller_groups (id, name, pinned, created_at) VALUES (1, '', '[]', CAST(strftime('%s', 'now') AS INTEGER) * 1000) ON CONFLICT DO NOTHING;
