package no.kontor.bootstrap.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Fills a Kontor database with synthetic companies: Norwegian-sounding names made
 * of two word lists, a place from the register and a company form, picked
 * independently so that nearly every name is distinct, as in a real register; a
 * valid organisation number where MOD11 allows one; postal codes from the register;
 * and two contacts each. Set-based SQL, so a million takes minutes rather than
 * hours. Idempotent: it tops the database up to the target.
 */
public final class CompanyDataGenerator {
    private static final String FIRST = "'Nord','Sør','Vest','Øst','Fjord','Fjell','Kyst','Dal','Berg','Sjø','Skog','Elv','Vik','Strand',"
            + "'Lys','Sol','Stjerne','Havn','Bryggen','Midt','Ny','Gamle','Store','Lille','Blå','Grønn','Rød','Hvit','Sølv','Gull',"
            + "'Viking','Troll','Nordlys','Polar','Arktisk','Fram','Vinter','Sommer','Vår','Høst','Måne','Ørn','Ulv','Bjørn','Rev',"
            + "'Laks','Torsk','Sild','Hval','Elg'";
    private static final String SECOND = "'media','bygg','regnskap','transport','fisk','data','konsult','trykk','reklame','eiendom',"
            + "'handel','service','maskin','elektro','rør','maling','tre','stål','mat','bakeri','kafe','hotell','reise','sport',"
            + "'musikk','film','foto','design','arkitekter','advokater','revisjon','helse','tannlege','optikk','blomster','gartneri',"
            + "'landbruk','energi','kraft','vind','sjømat','frakt','logistikk','taxi','buss','båt','verft','kjøkken','interiør','tekstil',"
            + "'bok','avis','radio','tv','spill','utvikling','analyse','kompetanse','opplæring','skole'";
    private static final String SUFFIX = "'AS','AS','AS','ASA','ANS','DA','ENK','SA','AS','AS'";
    private static final String FIRST_NAMES = "'Ola','Kari','Per','Anne','Jon','Ingrid','Lars','Marit','Knut','Silje','Erik','Hilde','Nils',"
            + "'Tone','Arne','Liv','Geir','Randi','Trond','Sigrid','Morten','Eva','Bjørn','Nina','Øystein','Åse','Håkon','Mette','Tor','Line'";
    private static final String LAST_NAMES = "'Hansen','Johansen','Olsen','Larsen','Andersen','Pedersen','Nilsen','Kristiansen','Jensen',"
            + "'Karlsen','Johnsen','Pettersen','Eriksen','Berg','Haugen','Hagen','Johannessen','Andreassen','Jacobsen','Dahl',"
            + "'Jørgensen','Halvorsen','Henriksen','Lund','Sørensen','Jakobsen','Moen','Gundersen','Iversen','Strand','Solberg','Ødegård'";

    private CompanyDataGenerator() {
    }

    /** Tops the database up to {@code target} companies; returns how many it added. */
    public static long generate(Connection c, long target) throws SQLException {
        long existing;
        try (Statement st = c.createStatement(); var rs = st.executeQuery("SELECT coalesce(max(id), 0) FROM company")) {
            rs.next();
            existing = rs.getLong(1);
        }
        if (existing >= target) {
            return 0;
        }
        c.setAutoCommit(true);
        try (Statement st = c.createStatement()) {
            st.execute("INSERT INTO staff_user (username, display_name, password_hash, role, team, created_at, changed_at) "
                    + "SELECT 'bench' || s, 'Bench Seller ' || s, 'x', 'SELLER', 'Bench', now(), now() FROM generate_series(1, 20) s "
                    + "ON CONFLICT DO NOTHING");
            long batch = 100_000;
            for (long from = existing + 1; from <= target; from += batch) {
                long to = Math.min(target, from + batch - 1);
                st.execute(("""
                        WITH w AS (SELECT ARRAY[%s] AS f, ARRAY[%s] AS s, ARRAY[%s] AS x,
                                          (SELECT array_agg(code ORDER BY code) FROM postal_code) AS pc,
                                          (SELECT array_agg(DISTINCT place) FROM postal_code) AS pl,
                                          (SELECT array_agg(id ORDER BY id) FROM staff_user WHERE username LIKE 'bench%%') AS sellers),
                             g AS (SELECT i, lpad((10000000 + i)::text, 8, '0') AS d FROM generate_series(%d::bigint, %d::bigint) i),
                             o AS (SELECT i, d, (3*substr(d,1,1)::int + 2*substr(d,2,1)::int + 7*substr(d,3,1)::int + 6*substr(d,4,1)::int
                                               + 5*substr(d,5,1)::int + 4*substr(d,6,1)::int + 3*substr(d,7,1)::int + 2*substr(d,8,1)::int) %% 11 AS r
                                   FROM g)
                        INSERT INTO company (id, name, organisation_number, status, visiting_street, visiting_postal_code,
                                             postal_postal_code, responsible_seller_id, created_by, created_at, changed_by, changed_at)
                        OVERRIDING SYSTEM VALUE
                        SELECT o.i,
                               w.f[1 + abs(hashtext('f' || o.i)) %% array_length(w.f, 1)]
                                 || w.s[1 + abs(hashtext('s' || o.i)) %% array_length(w.s, 1)]
                                 || ' ' || initcap(w.pl[1 + abs(hashtext('p' || o.i)) %% array_length(w.pl, 1)])
                                 || ' ' || w.x[1 + abs(hashtext('x' || o.i)) %% array_length(w.x, 1)],
                               CASE WHEN o.r = 1 THEN NULL ELSE o.d || CASE WHEN o.r = 0 THEN 0 ELSE 11 - o.r END END,
                               (ARRAY['PROSPECT','CUSTOMER','FORMER_CUSTOMER'])[1 + o.i %% 3],
                               'Gate ' || (o.i %% 200 + 1),
                               w.pc[1 + (o.i * 13) %% array_length(w.pc, 1)],
                               w.pc[1 + (o.i * 17) %% array_length(w.pc, 1)],
                               w.sellers[1 + o.i %% array_length(w.sellers, 1)],
                               'system:bench', now(), 'system:bench', now()
                        FROM o, w
                        """).formatted(FIRST, SECOND, SUFFIX, from, to));
                st.execute(("""
                        WITH w AS (SELECT ARRAY[%s] AS f, ARRAY[%s] AS l)
                        INSERT INTO contact (company_id, name, title, email, phone, created_by, created_at, changed_by, changed_at)
                        SELECT c.id, w.f[1 + (c.id * k * 7) %% array_length(w.f, 1)] || ' ' || w.l[1 + (c.id * k * 11) %% array_length(w.l, 1)],
                               CASE k WHEN 1 THEN 'Daglig leder' ELSE 'Markedssjef' END,
                               'kontakt' || k || '.' || c.id || '@example.no', '+47 4' || lpad((c.id %% 10000000)::text, 7, '0'),
                               'system:bench', now(), 'system:bench', now()
                        FROM company c, w, generate_series(1, 2) k WHERE c.id BETWEEN %d AND %d
                        """).formatted(FIRST_NAMES, LAST_NAMES, from, to));
                System.out.printf("  generated companies up to %,d%n", to);
            }
            st.execute("SELECT setval(pg_get_serial_sequence('company', 'id'), (SELECT max(id) FROM company))");
            st.execute("ANALYZE company");
            st.execute("ANALYZE contact");
        }
        return target - existing;
    }
}
