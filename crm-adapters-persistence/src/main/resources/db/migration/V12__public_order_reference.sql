-- The public order form tells the customer an order reference, never an internal id.
-- The reference is random (Crockford base 32, 40 bits), unique, and kept with the
-- sale the form opened; staff find the sale by it. It never changes once given.

CREATE TABLE public_order (
    sale_id   bigint      PRIMARY KEY REFERENCES sale (id),
    reference text        NOT NULL CHECK (reference ~ '^K-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$'),
    placed_at timestamptz NOT NULL,
    CONSTRAINT public_order_reference UNIQUE (reference)
);

-- Orders placed before references existed get one now, so that every order from the
-- form is found the same way and a replay of one can answer its reference.
-- gen_random_uuid() is a version 4 UUID: bytes 6 and 8 carry fixed bits, so they are
-- not used; every other byte is uniform, and 256 is a multiple of 32.
DO $$
DECLARE
    s        record;
    ref      text;
    bytes    bytea;
    alphabet constant text := '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
BEGIN
    FOR s IN SELECT id, created_at FROM sale
             WHERE created_by = 'public' AND id NOT IN (SELECT sale_id FROM public_order) ORDER BY id LOOP
        LOOP
            bytes := decode(replace(gen_random_uuid()::text, '-', ''), 'hex');
            ref := 'K-';
            FOR i IN 0..7 LOOP
                IF i = 4 THEN
                    ref := ref || '-';
                END IF;
                ref := ref || substr(alphabet, get_byte(bytes, CASE WHEN i < 6 THEN i ELSE i + 3 END) % 32 + 1, 1);
            END LOOP;
            EXIT WHEN NOT EXISTS (SELECT 1 FROM public_order WHERE reference = ref);
        END LOOP;
        INSERT INTO public_order (sale_id, reference, placed_at) VALUES (s.id, ref, s.created_at);
    END LOOP;
END
$$;

-- The reservation-expiry job looks for the form's bookings that are still only reserved.
CREATE INDEX booking_public_reserved ON booking (id) WHERE status = 'RESERVED' AND created_by = 'public';

-- The application's role reads and adds references; one never changes or goes away,
-- for the owner neither.
GRANT SELECT, INSERT ON public_order TO ${appRole};
CREATE TRIGGER public_order_kept BEFORE UPDATE OR DELETE ON public_order
    FOR EACH ROW EXECUTE FUNCTION refuse_change_of_kept_rows();
CREATE TRIGGER public_order_no_truncate BEFORE TRUNCATE ON public_order
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_of_kept_rows();
