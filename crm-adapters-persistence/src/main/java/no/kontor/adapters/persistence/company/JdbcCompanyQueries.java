package no.kontor.adapters.persistence.company;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Singleton;
import no.kontor.adapters.persistence.shared.Cursor;
import no.kontor.adapters.persistence.shared.Jdbc;
import no.kontor.application.company.CompanyCard;
import no.kontor.application.company.CompanyCard.AddressView;
import no.kontor.application.company.port.CompanyQueries;
import no.kontor.application.company.CompanySearch;
import no.kontor.application.company.CompanySummary;
import no.kontor.application.shared.Page;
import no.kontor.domain.company.CompanyId;
import no.kontor.domain.company.CompanyStatus;
import no.kontor.domain.shared.ValidationException;

/**
 * Customer-card reads in SQL tuned to the indexes of V1: the card in one query,
 * and each search mode on the index that serves its order, paginated by keyset.
 */
@Singleton
public class JdbcCompanyQueries implements CompanyQueries {
    private static final String SUMMARY_COLUMNS = """
            c.id, c.name, c.organisation_number, c.status, c.responsible_seller_id, c.version,
            (SELECT p.place FROM postal_code p WHERE p.code = coalesce(c.postal_postal_code, c.visiting_postal_code)) AS place
            """;

    private final Jdbc jdbc;

    public JdbcCompanyQueries(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<CompanyCard> card(CompanyId id) {
        return jdbc.query("""
                SELECT c.*, vp.place AS visiting_place, pp.place AS postal_place, u.display_name AS seller_name
                FROM company c
                LEFT JOIN postal_code vp ON vp.code = c.visiting_postal_code
                LEFT JOIN postal_code pp ON pp.code = c.postal_postal_code
                LEFT JOIN staff_user u ON u.id = c.responsible_seller_id
                WHERE c.id = ?
                """, List.of(id.value()), JdbcCompanyQueries::card).stream().findFirst();
    }

    @Override
    public java.util.Map<CompanyId, String> names(java.util.Collection<CompanyId> ids) {
        Long[] wanted = ids.stream().map(CompanyId::value).toArray(Long[]::new);
        return jdbc.withStatement("SELECT id, name FROM company WHERE id = ANY (?)", List.of(), ps -> {
            ps.setArray(1, ps.getConnection().createArrayOf("bigint", wanted));
            var names = new java.util.HashMap<CompanyId, String>();
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.put(new CompanyId(rs.getLong(1)), rs.getString(2));
                }
            }
            return names;
        });
    }

    private static CompanyCard card(ResultSet rs) throws SQLException {
        return new CompanyCard(rs.getLong("id"), rs.getString("name"), rs.getString("organisation_number"),
                CompanyStatus.valueOf(rs.getString("status")),
                address(rs.getString("visiting_street"), rs.getString("visiting_postal_code"), rs.getString("visiting_place")),
                address(rs.getString("postal_street"), rs.getString("postal_postal_code"), rs.getString("postal_place")),
                rs.getString("invoice_email"), rs.getString("phone"), rs.getString("website"),
                Jdbc.nullableLong(rs, "responsible_seller_id"), rs.getString("seller_name"), rs.getString("notes"),
                rs.getString("created_by"), Jdbc.instant(rs, "created_at"),
                rs.getString("changed_by"), Jdbc.instant(rs, "changed_at"), rs.getLong("version"));
    }

    private static AddressView address(String street, String code, String place) {
        return street == null && code == null ? null : new AddressView(street, code, place);
    }

    @Override
    public Page<CompanySummary> search(CompanySearch search) {
        var where = new ArrayList<String>();
        var params = new ArrayList<Object>();
        if (search.status() != null) {
            where.add("c.status = ?");
            params.add(search.status().name());
        }
        if (search.responsibleSellerId() != null) {
            where.add("c.responsible_seller_id = ?");
            params.add(search.responsibleSellerId());
        }
        return switch (search.mode()) {
            case FUZZY -> fuzzy(search, where, params);
            case PREFIX -> search.query() == null ? byName(search, where, params) : byPrefix(search, where, params);
            case ORGANISATION_NUMBER -> {
                where.add("c.organisation_number = ?");
                params.add(search.query().replace(" ", ""));
                yield byName(search, where, params);
            }
            case CONTACT_NAME -> {
                where.add("EXISTS (SELECT 1 FROM contact ct WHERE ct.company_id = c.id AND ct.name ILIKE ? ESCAPE '\\')");
                params.add("%" + likeEscape(search.query()) + "%");
                yield byName(search, where, params);
            }
            case POSTAL_PLACE -> {
                where.add("""
                        (c.postal_postal_code IN (SELECT code FROM postal_code WHERE place = upper(?))
                         OR c.visiting_postal_code IN (SELECT code FROM postal_code WHERE place = upper(?)))""");
                params.add(search.query());
                params.add(search.query());
                yield byName(search, where, params);
            }
        };
    }

    /** All companies (or a filtered set) in Norwegian name order, keyset (name, id). */
    private Page<CompanySummary> byName(CompanySearch search, List<String> where, List<Object> params) {
        String tag = "name:" + search.mode();
        if (search.cursor() != null) {
            var keys = Cursor.decode(search.cursor(), tag, 2);
            where.add("(c.name, c.id) > (?, ?)");
            params.add(keys.get(0));
            params.add(parseId(keys.get(1)));
        }
        var rows = list("SELECT " + SUMMARY_COLUMNS + " FROM company c" + whereClause(where)
                + " ORDER BY c.name, c.id LIMIT ?", params, search.limit());
        return page(rows, search.limit(), last -> Cursor.encode(tag, last.name(), last.id()));
    }

    /** Names that start with the query, case-insensitively, on the index (lower(name) COLLATE "C", id). */
    private Page<CompanySummary> byPrefix(CompanySearch search, List<String> where, List<Object> params) {
        String tag = "prefix";
        where.add("lower(c.name) COLLATE \"C\" LIKE ? ESCAPE '\\'");
        params.add(likeEscape(search.query().toLowerCase(java.util.Locale.ROOT)) + "%");
        if (search.cursor() != null) {
            var keys = Cursor.decode(search.cursor(), tag, 2);
            where.add("(lower(c.name) COLLATE \"C\", c.id) > (?, ?)");
            params.add(keys.get(0));
            params.add(parseId(keys.get(1)));
        }
        var rows = list("SELECT " + SUMMARY_COLUMNS + " FROM company c" + whereClause(where)
                + " ORDER BY lower(c.name) COLLATE \"C\", c.id LIMIT ?", params, search.limit());
        return page(rows, search.limit(),
                last -> Cursor.encode(tag, last.name().toLowerCase(java.util.Locale.ROOT), last.id()));
    }

    /**
     * Names with a word similar to the query (pg_trgm word similarity), best first; keyset (distance, id).
     * The candidates come from the names' vocabulary (V19, docs/decisions/fuzzy-search.md): the query's
     * words are matched against the few thousand distinct words of all names, and a name must hold a
     * similar word for each of the query's telling words; the index of the names' words finds those names.
     */
    private Page<CompanySummary> fuzzy(CompanySearch search, List<String> where, List<Object> params) {
        String tag = "fuzzy";
        String q = search.query();
        var similar = similarWords(q);
        if (similar.isEmpty()) {
            return new Page<>(List.of(), null);
        }
        for (String[] words : similar) {
            where.add("kontor_name_words(c.name) && ?::text[]");
            params.add(words);
        }
        where.add("? <% c.name");
        params.add(q);
        if (search.cursor() != null) {
            var keys = Cursor.decode(search.cursor(), tag, 2);
            float distance = parseDistance(keys.get(0));
            long id = parseId(keys.get(1));
            where.add("((? <<-> c.name) > ?::real OR ((? <<-> c.name) = ?::real AND c.id > ?))");
            params.addAll(List.of(q, distance, q, distance, id));
        }
        var all = new ArrayList<Object>();
        all.add(q); // the select list's distance comes first in the statement
        all.addAll(params);
        all.add(search.limit() + 1);
        var distances = new ArrayList<Float>();
        var rows = jdbc.query("SELECT " + SUMMARY_COLUMNS + ", ? <<-> c.name AS distance FROM company c"
                + whereClause(where) + " ORDER BY distance, c.id LIMIT ?", all, rs -> {
                    distances.add(rs.getFloat("distance"));
                    return summary(rs);
                });
        return page(rows, search.limit(), last -> Cursor.encode(tag, distances.get(search.limit() - 1), last.id()));
    }

    /** Norwegian legal forms (organisasjonsformer): each stands in a great many names, so it tells a search nothing. */
    private static final java.util.Set<String> LEGAL_FORMS = java.util.Set.of("as", "asa", "ans", "da", "enk", "sa", "nuf", "ks", "ba",
            "sf", "iks", "kf");

    /**
     * For each telling word of the query, the vocabulary's words similar to it (pg_trgm's {@code %}). A legal form tells
     * nothing (its list of names would be read on every search) and is left out unless the query has nothing else. Each
     * condition only narrows the candidates that {@code <%} then ranks, so leaving one out never loses a match.
     */
    private List<String[]> similarWords(String query) {
        var words = java.util.Arrays.stream(query.toLowerCase(java.util.Locale.ROOT).strip().split("\\s+"))
                .filter(w -> !w.isEmpty()).distinct().toList();
        var telling = words.stream().filter(w -> !LEGAL_FORMS.contains(w)).toList();
        String[] asked = (telling.isEmpty() ? words : telling).toArray(String[]::new);
        return jdbc.query("SELECT array_agg(v.word ORDER BY v.word) FROM unnest(?::text[]) w(q) JOIN company_name_word v ON v.word % w.q "
                + "GROUP BY w.q", java.util.Collections.singletonList(asked), rs -> (String[]) rs.getArray(1).getArray());
    }

    private List<CompanySummary> list(String sql, List<Object> params, int limit) {
        var all = new ArrayList<>(params);
        all.add(limit + 1);
        return jdbc.query(sql, all, JdbcCompanyQueries::summary);
    }

    private static <T> Page<T> page(List<T> rows, int limit, java.util.function.Function<T, String> cursorOf) {
        if (rows.size() <= limit) {
            return new Page<>(rows, null);
        }
        var shown = rows.subList(0, limit);
        return new Page<>(shown, cursorOf.apply(shown.get(limit - 1)));
    }

    private static CompanySummary summary(ResultSet rs) throws SQLException {
        return new CompanySummary(rs.getLong("id"), rs.getString("name"), rs.getString("organisation_number"),
                CompanyStatus.valueOf(rs.getString("status")), rs.getString("place"),
                Jdbc.nullableLong(rs, "responsible_seller_id"), rs.getLong("version"));
    }

    private static String whereClause(List<String> where) {
        return where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
    }

    static String likeEscape(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static long parseId(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new ValidationException("cursor", "cursor.invalid", "The cursor does not belong to this list");
        }
    }

    private static float parseDistance(String s) {
        try {
            return Float.parseFloat(s);
        } catch (NumberFormatException e) {
            throw new ValidationException("cursor", "cursor.invalid", "The cursor does not belong to this list");
        }
    }
}
