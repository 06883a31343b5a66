package no.kontor.domain.company;

/** Where a company stands with us. Any status may follow any other: customers leave and return. */
public enum CompanyStatus {
    PROSPECT, CUSTOMER, FORMER_CUSTOMER
}
