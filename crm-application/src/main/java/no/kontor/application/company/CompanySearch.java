package no.kontor.application.company;

import no.kontor.domain.company.CompanyStatus;
import no.kontor.domain.shared.ValidationException;

/**
 * What a seller searches for. {@code query} is matched by {@link Mode}: a name
 * prefix, fuzzy (trigram similarity, best first), an org number, a contact's name,
 * or a postal place. Filters narrow any mode. {@code cursor} continues a list.
 */
public record CompanySearch(String query, Mode mode, CompanyStatus status, Long responsibleSellerId,
                            int limit, String cursor) {

    public static final int MAX_LIMIT = 100;
    public static final int MAX_QUERY = 200;

    public enum Mode { PREFIX, FUZZY, ORGANISATION_NUMBER, CONTACT_NAME, POSTAL_PLACE }

    public CompanySearch {
        query = query == null || query.isBlank() ? null : query.strip();
        mode = mode == null ? Mode.PREFIX : mode;
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new ValidationException("limit", "search.limit-out-of-range", "limit is 1–" + MAX_LIMIT);
        }
        if (query != null && query.length() > MAX_QUERY) {
            throw new ValidationException("q", "search.query-too-long", "A query is at most " + MAX_QUERY + " characters");
        }
        if (query == null && mode != Mode.PREFIX) {
            throw new ValidationException("q", "search.query-missing", "The search mode " + mode + " needs a query");
        }
    }
}
