package no.kontor.application.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import no.kontor.application.testing.DirectTransactions;
import no.kontor.domain.identity.Actor;
import no.kontor.domain.identity.Role;
import no.kontor.domain.shared.AccessDeniedException;
import no.kontor.domain.shared.ValidationException;

/** The credit-note control list: the period's credit notes as the books give them, and their sum. */
class ListCreditNotesTest {
    static final LocalDate MAY_1 = LocalDate.of(2026, 5, 1);
    static final LocalDate MAY_31 = LocalDate.of(2026, 5, 31);

    final List<CreditNoteRow> may = List.of(
            new CreditNoteRow(20, 102, MAY_1, 10, 100, 5, "Kunde AS", 125000, "Feil kunde", "user:2"),
            new CreditNoteRow(21, 107, MAY_31, 11, 101, 6, "Annen AS", 31250, "Rabatt", "user:3"));
    final ListCreditNotes list = new ListCreditNotes(new UnreadBooks() {
        @Override
        public List<CreditNoteRow> creditNotesBetween(LocalDate from, LocalDate to) {
            return from.equals(MAY_1) && to.equals(MAY_31) ? may : List.of();
        }
    }, new DirectTransactions());
    final Actor manager = Actor.staff(2, "mona", Role.MANAGER);

    @Test
    void theCreditNotesOfAPeriodAreListedWithTheirSum() {
        var notes = list.execute(manager, MAY_1, MAY_31);
        assertThat(notes.items()).extracting(CreditNoteRow::reason).containsExactly("Feil kunde", "Rabatt");
        assertThat(notes.total()).isEqualTo(156250);
        assertThat(list.execute(manager, MAY_1, MAY_1).total()).isZero();
    }

    @Test
    void staffOnlyAndOnlyAProperPeriod() {
        assertThat(list.execute(Actor.staff(1, "selma", Role.SELLER), MAY_1, MAY_31).total()).as("sellers read every figure")
                .isEqualTo(156250);
        assertThatThrownBy(() -> list.execute(Actor.publicForm(), MAY_1, MAY_31)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> list.execute(manager, MAY_31, MAY_1)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> list.execute(manager, MAY_1, null)).isInstanceOf(ValidationException.class);
    }
}
