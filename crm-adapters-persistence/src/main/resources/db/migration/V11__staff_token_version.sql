-- Bearer tokens carry the user's token version; a token whose number is not the
-- user's current one no longer speaks for the user. It rises when the role, the
-- active flag or the password changes, and when the user logs out.
ALTER TABLE staff_user ADD COLUMN token_version bigint NOT NULL DEFAULT 0 CHECK (token_version >= 0);

-- The application's role reads and writes it through its table-wide grants on staff_user (V9).
