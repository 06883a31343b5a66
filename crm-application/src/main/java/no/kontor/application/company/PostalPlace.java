package no.kontor.application.company;

public record PostalPlace(String code, String place, String municipalityNumber, String municipalityName, String category) {
}
