-- The audit trail is append-only: no UPDATE, DELETE or TRUNCATE, whoever asks.
CREATE FUNCTION audit_event_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_event is append-only' USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_event_no_update_delete BEFORE UPDATE OR DELETE ON audit_event
  FOR EACH ROW EXECUTE FUNCTION audit_event_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
  FOR EACH STATEMENT EXECUTE FUNCTION audit_event_refuse_change();
--> statement-breakpoint
-- 三权分立: a privileged role (sysadmin, secadmin, auditor) is never held with any other role.
-- The partial unique index role_grant_one_privileged_uq already allows one privileged grant per user.
CREATE FUNCTION role_grant_separation_of_duties() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Serialise grant changes per user so two concurrent grants cannot both pass the check.
  PERFORM 1 FROM app_user WHERE id = NEW.user_id FOR UPDATE;
  IF EXISTS (
    SELECT 1 FROM role_grant g
    WHERE g.user_id = NEW.user_id AND g.id <> NEW.id
      AND ((NEW.role IN ('sysadmin', 'secadmin', 'auditor')) OR (g.role IN ('sysadmin', 'secadmin', 'auditor')))
  ) THEN
    RAISE EXCEPTION 'separation of duties: a privileged role cannot be combined with another role'
      USING ERRCODE = 'check_violation', CONSTRAINT = 'role_grant_separation_of_duties';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER role_grant_separation_of_duties BEFORE INSERT OR UPDATE ON role_grant
  FOR EACH ROW EXECUTE FUNCTION role_grant_separation_of_duties();
