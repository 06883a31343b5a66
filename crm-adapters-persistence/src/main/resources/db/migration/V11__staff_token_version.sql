-- Bearer tokens carry the user's token version; a token whose number is not the
-- user's current one no longer speaks for the user. It rises when the role, the
-- active flag or the password changes, and when the user logs out.
ALTER TABLE staff_user ADD COLUMN token_version bigint NOT NULL DEFAULT 0 CHECK (token_version >= 0);

-- Grants for the application's role, enabled with the role split (until then the
-- ${appRole} placeholder has no value, so V11__staff_token_version.sql.conf turns
-- placeholder replacement off for this script; remove it when enabling these):
-- token_version is read by the per-request token check and only ever raised by one.
--GRANT SELECT (token_version) ON staff_user TO ${appRole};
--GRANT INSERT (token_version) ON staff_user TO ${appRole};
--GRANT UPDATE (token_version) ON staff_user TO ${appRole};
