package no.kontor.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import no.kontor.adapters.web.testing.ApiClient;

/** Sales and invoices made through the API, the way the payment and bank-file tests need them. */
final class ApiInvoices {
    private ApiInvoices() {
    }

    /** An ordered sale of the company with one line of 1 000.00 (25 % VAT); its id. */
    static String orderedSale(ApiClient seller, String companyId) {
        var sale = ApiClient.field(seller.post("/api/v1/sales", "{\"companyId\":" + companyId + ",\"stage\":\"ORDERED\"}").body(), "id");
        var line = seller.post("/api/v1/sales/" + sale + "/lines",
                "{\"description\":\"Annonse\",\"quantity\":1,\"unit\":\"PIECE\",\"unitPrice\":100000}");
        assertThat(line.statusCode()).as(line.body()).isEqualTo(201);
        return sale;
    }

    /** A draft of one such sale; its id. */
    static String draft(ApiClient seller, ApiClient manager, String companyId) {
        var drafted = manager.post("/api/v1/invoices", "{\"saleIds\":[" + orderedSale(seller, companyId) + "]}");
        assertThat(drafted.statusCode()).as(drafted.body()).isEqualTo(201);
        return ApiClient.field(drafted.body(), "id");
    }

    /** An issued invoice of 1 000.00 + 25 % VAT = 1 250.00; its id and KID. */
    static String[] issued(ApiClient seller, ApiClient manager, String companyId) {
        String id = draft(seller, manager, companyId);
        var issued = manager.post("/api/v1/invoices/" + id + "/issue", "");
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
        return new String[] {id, ApiClient.field(issued.body(), "kid")};
    }
}
