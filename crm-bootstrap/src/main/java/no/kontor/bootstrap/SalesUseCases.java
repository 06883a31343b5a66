package no.kontor.bootstrap;

import java.time.Clock;
import java.time.Duration;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import no.kontor.application.activity.port.Activities;
import no.kontor.application.audit.port.AuditTrail;
import no.kontor.application.company.port.Companies;
import no.kontor.application.company.port.Contacts;
import no.kontor.application.identity.port.StaffUsers;
import no.kontor.application.inventory.BookPlacement;
import no.kontor.application.inventory.port.Bookings;
import no.kontor.application.inventory.ManagePlacements;
import no.kontor.application.inventory.port.PlacementPrices;
import no.kontor.application.inventory.port.Placements;
import no.kontor.application.inventory.port.SaleStatus;
import no.kontor.application.sale.ChangeSale;
import no.kontor.application.sale.ChangeSaleStage;
import no.kontor.application.sale.ExpireReservations;
import no.kontor.application.sale.ManageSaleLines;
import no.kontor.application.sale.OpenSale;
import no.kontor.application.sale.port.OrderFormPosts;
import no.kontor.application.sale.PlaceOrder;
import no.kontor.application.sale.port.PublicOrders;
import no.kontor.application.sale.ReadSales;
import no.kontor.application.sale.RegisterTime;
import no.kontor.application.sale.port.SaleLines;
import no.kontor.application.sale.port.Sales;
import no.kontor.application.sale.port.TimeEntries;
import no.kontor.application.sale.port.VatRateTable;
import no.kontor.application.shared.port.IdempotencyKeys;
import no.kontor.application.shared.port.Transactions;

@Factory
public class SalesUseCases {

    @Singleton
    OpenSale openSale(Sales sales, Companies companies, StaffUsers staff, AuditTrail audit, Transactions tx, Clock clock) {
        return new OpenSale(sales, companies, staff, audit, tx, clock);
    }

    @Singleton
    ChangeSale changeSale(Sales sales, SaleLines lines, StaffUsers staff, AuditTrail audit, Transactions tx, Clock clock) {
        return new ChangeSale(sales, lines, staff, audit, tx, clock);
    }

    @Singleton
    ReadSales readSales(Sales sales, SaleLines lines, Companies companies) {
        return new ReadSales(sales, lines, companies);
    }

    @Singleton
    ChangeSaleStage changeSaleStage(Sales sales, BookPlacement bookings, AuditTrail audit, Transactions tx, Clock clock) {
        return new ChangeSaleStage(sales, bookings, audit, tx, clock);
    }

    @Singleton
    ManageSaleLines manageSaleLines(Sales sales, SaleLines lines, VatRateTable vatRates, Placements placements,
                                    PlacementPrices prices, AuditTrail audit, Transactions tx, Clock clock,
                                    @Value("${kontor.sales.max-lines:1000}") int maxLines) {
        return new ManageSaleLines(sales, lines, vatRates, placements, prices, audit, tx, clock, maxLines);
    }

    @Singleton
    RegisterTime registerTime(Sales sales, TimeEntries entries, ManageSaleLines lines, SaleLines saleLines, AuditTrail audit,
                              Transactions tx, Clock clock) {
        return new RegisterTime(sales, entries, lines, saleLines, audit, tx, clock);
    }

    @Singleton
    ManagePlacements managePlacements(Placements placements, PlacementPrices prices, Bookings bookings, AuditTrail audit,
                                      Transactions tx, Clock clock) {
        return new ManagePlacements(placements, prices, bookings, audit, tx, clock);
    }

    @Singleton
    BookPlacement bookPlacement(Placements placements, Bookings bookings, SaleStatus sales, AuditTrail audit, Transactions tx,
                                Clock clock) {
        return new BookPlacement(placements, bookings, sales, audit, tx, clock);
    }

    @Singleton
    PlaceOrder placeOrder(Companies companies, Contacts contacts, Sales sales, SaleLines lines, VatRateTable vatRates,
                          Placements placements, PlacementPrices prices, Bookings bookings, Activities activities,
                          IdempotencyKeys keys, OrderFormPosts posts, PublicOrders orders, AuditTrail audit, Transactions tx,
                          Clock clock,
                          @Value("${kontor.order-form.posts-per-minute:30}") int postsPerMinute,
                          @Value("${kontor.order-form.key-kept-for:24h}") Duration keyKeptFor,
                          @Value("${kontor.order-form.same-content-within:10m}") Duration sameContentWithin,
                          @Value("${kontor.public-orders.max-days:90}") int maxDays,
                          @Value("${kontor.public-orders.max-days-ahead:365}") int maxDaysAhead) {
        return new PlaceOrder(companies, contacts, sales, lines, vatRates, placements, prices, bookings, activities, keys, posts,
                orders, audit, tx, clock, new PlaceOrder.Limits(postsPerMinute, keyKeptFor, sameContentWithin, maxDays, maxDaysAhead));
    }

    @Singleton
    ExpireReservations expireReservations(Bookings bookings, Placements placements, Sales sales, Activities activities,
                                          AuditTrail audit, Transactions tx, Clock clock,
                                          @Value("${kontor.public-orders.reservation-days:7}") int reservationDays) {
        return new ExpireReservations(bookings, placements, sales, activities, audit, tx, clock, Duration.ofDays(reservationDays));
    }
}
