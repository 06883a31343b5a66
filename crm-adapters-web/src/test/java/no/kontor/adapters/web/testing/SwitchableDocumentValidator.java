package no.kontor.adapters.web.testing;

import java.util.Optional;

import no.kontor.application.invoice.port.DocumentValidator;
import no.kontor.domain.invoice.InvoiceKind;

/** Accepts every document until a test tells it what to find wrong (the real schema check lives in the documents adapter). */
public final class SwitchableDocumentValidator implements DocumentValidator {
    private volatile String problem;

    /** @param found what the next documents are refused for; null accepts them again */
    public void refuseWith(String found) {
        this.problem = found;
    }

    @Override
    public Optional<String> problemWith(String ubl, InvoiceKind kind) {
        return Optional.ofNullable(problem);
    }
}
