package no.kontor.bootstrap;

import java.time.Clock;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import no.kontor.application.audit.AuditTrail;
import no.kontor.application.company.Companies;
import no.kontor.application.identity.StaffUsers;
import no.kontor.application.inventory.BookPlacement;
import no.kontor.application.inventory.Bookings;
import no.kontor.application.inventory.ManagePlacements;
import no.kontor.application.inventory.Placements;
import no.kontor.application.inventory.SaleStatus;
import no.kontor.application.sale.ChangeSaleStage;
import no.kontor.application.sale.OpenSale;
import no.kontor.application.sale.ReadSales;
import no.kontor.application.sale.Sales;
import no.kontor.application.shared.Transactions;

@Factory
public class SalesUseCases {

    @Singleton
    OpenSale openSale(Sales sales, Companies companies, StaffUsers staff, AuditTrail audit, Transactions tx, Clock clock) {
        return new OpenSale(sales, companies, staff, audit, tx, clock);
    }

    @Singleton
    ReadSales readSales(Sales sales) {
        return new ReadSales(sales);
    }

    @Singleton
    ChangeSaleStage changeSaleStage(Sales sales, BookPlacement bookings, AuditTrail audit, Transactions tx, Clock clock) {
        return new ChangeSaleStage(sales, bookings, audit, tx, clock);
    }

    @Singleton
    ManagePlacements managePlacements(Placements placements, Bookings bookings, AuditTrail audit, Transactions tx, Clock clock) {
        return new ManagePlacements(placements, bookings, audit, tx, clock);
    }

    @Singleton
    BookPlacement bookPlacement(Placements placements, Bookings bookings, SaleStatus sales, AuditTrail audit, Transactions tx,
                                Clock clock) {
        return new BookPlacement(placements, bookings, sales, audit, tx, clock);
    }
}
