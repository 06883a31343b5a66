package no.kontor.adapters.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Set;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import no.kontor.domain.company.CompanyId;
import no.kontor.domain.invoice.Buyer;
import no.kontor.domain.invoice.Invoice;
import no.kontor.domain.invoice.InvoiceId;
import no.kontor.domain.invoice.InvoiceLine;
import no.kontor.domain.invoice.Seller;
import no.kontor.domain.invoice.TaxCategory;
import no.kontor.domain.shared.BankAccountNumber;
import no.kontor.domain.shared.Kid;
import no.kontor.domain.shared.OrganisationNumber;

/**
 * Every generated document through the official rules (phive): zero errors for EHF
 * documents, and for a buyer without an org number exactly the one finding
 * docs/norway.md#ehf allows. Then what those rules do not check, checked here.
 */
class UblWriterTest {
    static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    static final LocalDate DAY = LocalDate.of(2026, 11, 24);
    static final Buyer EHF_BUYER = new Buyer(42, "Kunde & Sønn AS", new OrganisationNumber("991825827"), "Kaigaten 2", "5003",
            "BERGEN", "faktura@kunde.no");
    static final Buyer PRIVATE_BUYER = new Buyer(43, "Åse Ødegård", null, "Heimveien 3", "7030", "TRONDHEIM", null);

    final UblWriter writer = new UblWriter();

    static Seller seller(boolean vatRegistered, boolean foretaksregisteret) {
        return new Seller("Lokalavisa AS", new OrganisationNumber("974760673"), "Storgata 1", "0150", "OSLO", "faktura@avisa.no",
                "22 00 00 00", new BankAccountNumber("86011117947"), vatRegistered, foretaksregisteret);
    }

    static InvoiceLine line(int no, String quantity, long price, String discount, TaxCategory category, String percent, String unit) {
        return new InvoiceLine(no, 100L + no, null, "Linje " + no + " <annonse> & mer", new BigDecimal(quantity), unit, price,
                new BigDecimal(discount), category, percent == null ? null : new BigDecimal(percent),
                category == TaxCategory.E ? "Unntatt etter mval. § 3-7" : null);
    }

    static List<InvoiceLine> mixedLines() {
        return List.of(line(1, "2", 150000, "12.5", TaxCategory.S, "25", "C62"), line(2, "1.25", 9900, "0", TaxCategory.Z, "0", "WEE"),
                line(3, "7.5", 125000, "0", TaxCategory.S, "15", "HUR"), line(4, "3", 33, "0", TaxCategory.S, "25", "DAY"),
                line(5, "1", 50000, "0", TaxCategory.E, "0", "C62"));
    }

    static Invoice issued(long number, Seller seller, Buyer buyer, List<InvoiceLine> lines) {
        var kid = Kid.of(Kid.Algorithm.MOD10, 15, 7, buyer.customerNumber(), number);
        return Invoice.draft(new CompanyId(buyer.customerNumber()), lines, "Kari Nordmann", "Takk for handelen", "m", NOW)
                .withId(new InvoiceId(number)).issue(new Invoice.Issue(number, DAY, DAY.plusDays(14), kid, seller, buyer), "m", NOW);
    }

    static Invoice creditNote(Invoice invoice, Set<Integer> lines, long number) {
        return invoice.creditNote(lines, Set.of(), "Feil pris", "m", NOW).withId(new InvoiceId(number))
                .issue(new Invoice.Issue(number, DAY.plusDays(1), null, null, invoice.getSeller(), invoice.getBuyer()), "m", NOW);
    }

    @Test
    void an_ehf_invoice_with_several_rates_a_discount_and_an_exempt_line_passes_the_official_rules() throws Exception {
        var invoice = issued(1001, seller(true, true), EHF_BUYER, mixedLines());
        String ubl = writer.write(invoice, null);
        assertThat(errors(EhfRules.check(ubl, false))).isEmpty();
        checkWhatTheRulesDoNot(ubl, invoice);
    }

    @Test
    void an_ehf_credit_note_whole_and_partial_passes_the_official_rules() throws Exception {
        var invoice = issued(1002, seller(true, true), EHF_BUYER, mixedLines());
        for (var note : List.of(creditNote(invoice, Set.of(), 1003), creditNote(invoice, Set.of(2, 3), 1004))) {
            String ubl = writer.write(note, invoice);
            assertThat(errors(EhfRules.check(ubl, true))).as(ubl).isEmpty();
            var xml = parse(ubl);
            assertThat(text(xml, "/*/*[local-name()='BillingReference']/*/*[local-name()='ID']")).isEqualTo("1002");
            assertThat(text(xml, "/*/*[local-name()='CreditNoteTypeCode']")).isEqualTo("381");
            assertThat(amount(xml, "PayableAmount")).isEqualTo(note.totals().gross());
            assertThat(sumOfVatIsPerRate(xml)).isTrue();
        }
    }

    @Test
    void a_seller_not_vat_registered_writes_category_o_with_a_reason_and_no_vat_id() throws Exception {
        var invoice = issued(1005, seller(false, true), EHF_BUYER, mixedLines());
        String ubl = writer.write(invoice, null);
        assertThat(errors(EhfRules.check(ubl, false))).isEmpty();
        var xml = parse(ubl);
        assertThat(ubl).doesNotContain("MVA</cbc:CompanyID>").contains("Selger er ikke merverdiavgiftsregistrert");
        assertThat(count(xml, "//*[local-name()='ClassifiedTaxCategory']/*[local-name()='ID'][.!='O']")).isZero();
        assertThat(amount(xml, "TaxInclusiveAmount")).isEqualTo(amount(xml, "TaxExclusiveAmount"));
    }

    @Test
    void a_buyer_without_an_org_number_gets_exactly_the_one_allowed_finding() throws Exception {
        var invoice = issued(1006, seller(true, true), PRIVATE_BUYER, mixedLines());
        String ubl = writer.write(invoice, null);
        assertThat(errors(EhfRules.check(ubl, false))).extracting(EhfRules.Finding::rule).containsExactly("PEPPOL-EN16931-R010");
        assertThat(text(parse(ubl), "//*[local-name()='AccountingCustomerParty']//*[local-name()='RegistrationName']"))
                .isEqualTo("Åse Ødegård");
    }

    @Test
    void without_foretaksregisteret_the_norwegian_rule_warns_and_nothing_errs() throws Exception {
        var findings = EhfRules.check(writer.write(issued(1007, seller(true, false), EHF_BUYER, mixedLines()), null), false);
        assertThat(errors(findings)).isEmpty();
        assertThat(findings).extracting(EhfRules.Finding::rule).contains("NO-R-002");
    }

    @Test
    void the_rules_catch_a_broken_document_so_a_pass_means_something() {
        String ubl = writer.write(issued(1008, seller(true, true), EHF_BUYER, mixedLines()), null)
                .replace("<cbc:PayableAmount currencyID=\"NOK\">", "<cbc:PayableAmount currencyID=\"NOK\">1");
        assertThat(errors(EhfRules.check(ubl, false))).extracting(EhfRules.Finding::rule).contains("BR-CO-16");
    }

    @Test
    void a_draft_or_an_unreferenced_credit_note_has_no_document() {
        var draft = Invoice.draft(new CompanyId(1), mixedLines(), "Kari", null, "m", NOW);
        assertThatThrownBy(() -> writer.write(draft, null)).isInstanceOf(IllegalArgumentException.class);
        var invoice = issued(1009, seller(true, true), EHF_BUYER, mixedLines());
        assertThatThrownBy(() -> writer.write(creditNote(invoice, Set.of(), 1010), null)).isInstanceOf(IllegalArgumentException.class);
    }

    /** The seller's VAT id, the KID's and the account's check digits, code 31 with an account, and BR-CO-17 exactly. */
    private static void checkWhatTheRulesDoNot(String ubl, Invoice invoice) throws Exception {
        var xml = parse(ubl);
        assertThat(text(xml, "//*[local-name()='AccountingSupplierParty']//*[local-name()='PartyTaxScheme']"
                + "[*[local-name()='TaxScheme']/*[local-name()='ID']='VAT']/*[local-name()='CompanyID']")).isEqualTo("NO974760673MVA");
        String kid = text(xml, "//*[local-name()='PaymentMeans']/*[local-name()='PaymentID']");
        assertThat(kid).isEqualTo(invoice.getKid().value());
        assertThat(Kid.isValid(kid, Kid.Algorithm.MOD10)).isTrue();
        assertThat(text(xml, "//*[local-name()='PaymentMeansCode']")).isEqualTo("31");
        String account = text(xml, "//*[local-name()='PayeeFinancialAccount']/*[local-name()='ID']");
        assertThat(new BankAccountNumber(account).value()).isEqualTo("86011117947");
        assertThat(text(xml, "/*/*[local-name()='DueDate']")).isEqualTo(DAY.plusDays(14).toString());
        assertThat(text(xml, "/*/*[local-name()='BuyerReference']")).isEqualTo("Kari Nordmann");
        assertThat(sumOfVatIsPerRate(xml)).isTrue();
        assertThat(amount(xml, "PayableAmount")).isEqualTo(invoice.totals().gross());
    }

    /** Each subtotal's VAT is its rate on the sum of its lines' nets, rounded once (BR-CO-17), and the lines add up. */
    private static boolean sumOfVatIsPerRate(Document xml) throws Exception {
        var lineSums = new HashMap<String, Long>();
        NodeList lines = (NodeList) XPathFactory.newInstance().newXPath().evaluate(
                "/*/*[local-name()='InvoiceLine' or local-name()='CreditNoteLine']", xml, XPathConstants.NODESET);
        for (int i = 0; i < lines.getLength(); i++) {
            var l = lines.item(i);
            String key = xpath(l, "*[local-name()='Item']/*[local-name()='ClassifiedTaxCategory']/*[local-name()='ID']") + "/"
                    + xpath(l, "*[local-name()='Item']/*[local-name()='ClassifiedTaxCategory']/*[local-name()='Percent']");
            lineSums.merge(key, ore(xpath(l, "*[local-name()='LineExtensionAmount']")), Long::sum);
        }
        NodeList subs = (NodeList) XPathFactory.newInstance().newXPath().evaluate("//*[local-name()='TaxSubtotal']", xml,
                XPathConstants.NODESET);
        var subtotalSums = new HashMap<String, Long>();
        for (int i = 0; i < subs.getLength(); i++) {
            var s = subs.item(i);
            String percent = xpath(s, "*[local-name()='TaxCategory']/*[local-name()='Percent']");
            String key = xpath(s, "*[local-name()='TaxCategory']/*[local-name()='ID']") + "/" + percent;
            long taxable = ore(xpath(s, "*[local-name()='TaxableAmount']"));
            long expectedVat = percent.isEmpty() ? 0 : BigDecimal.valueOf(taxable).multiply(new BigDecimal(percent))
                    .divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP).longValueExact();
            if (ore(xpath(s, "*[local-name()='TaxAmount']")) != expectedVat) {
                return false;
            }
            subtotalSums.put(key, taxable);
        }
        return subtotalSums.equals(lineSums);
    }

    private static List<EhfRules.Finding> errors(List<EhfRules.Finding> findings) {
        return findings.stream().filter(EhfRules.Finding::error).toList();
    }

    private static Document parse(String xml) throws Exception {
        var f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    private static String text(Document xml, String path) throws Exception {
        return XPathFactory.newInstance().newXPath().evaluate(path, xml);
    }

    private static String xpath(org.w3c.dom.Node node, String path) throws Exception {
        return XPathFactory.newInstance().newXPath().evaluate(path, node);
    }

    private static int count(Document xml, String path) throws Exception {
        return ((NodeList) XPathFactory.newInstance().newXPath().evaluate(path, xml, XPathConstants.NODESET)).getLength();
    }

    private static long amount(Document xml, String name) throws Exception {
        return ore(text(xml, "//*[local-name()='LegalMonetaryTotal']/*[local-name()='" + name + "']"));
    }

    private static long ore(String amount) {
        return new BigDecimal(amount).movePointRight(2).longValueExact();
    }
}
