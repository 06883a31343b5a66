package no.kontor.application.sale;

import java.time.Instant;
import no.kontor.domain.sale.SaleStage;

public record StageChange(SaleStage from, SaleStage to, String reason, String changedBy, Instant changedAt) {
}
