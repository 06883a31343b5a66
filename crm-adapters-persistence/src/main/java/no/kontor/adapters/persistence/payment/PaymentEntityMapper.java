package no.kontor.adapters.persistence.payment;

import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

import no.kontor.domain.invoice.InvoiceId;
import no.kontor.domain.payment.BankTransactionKey;
import no.kontor.domain.payment.Payment;

@Mapper
public interface PaymentEntityMapper {

    @Mapping(target = "invoiceId", source = "invoiceId.value")
    @Mapping(target = "ocrAgreementId", source = "bankKey.agreementId")
    @Mapping(target = "ocrAssignmentNumber", source = "bankKey.assignmentNumber")
    @Mapping(target = "ocrTransactionNumber", source = "bankKey.transactionNumber")
    PaymentEntity toEntity(Payment payment);

    @Mapping(target = "bankKey", source = ".")
    Payment toDomain(PaymentEntity entity);

    /** The bank's key of an OCR payment: agreement, assignment, transaction and settlement date (paid on). */
    default BankTransactionKey bankKey(PaymentEntity e) {
        return e.ocrAgreementId() == null ? null
                : new BankTransactionKey(e.ocrAgreementId(), e.ocrAssignmentNumber(), e.ocrTransactionNumber(), e.paidOn());
    }

    default InvoiceId invoiceId(Long id) {
        return id == null ? null : new InvoiceId(id);
    }
}
