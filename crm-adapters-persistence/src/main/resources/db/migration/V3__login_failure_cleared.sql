-- A successful login clears the user's failures, but not the client address's:
-- otherwise one valid account would let an address reset its own count.
ALTER TABLE login_failure ADD COLUMN cleared boolean NOT NULL DEFAULT false;
