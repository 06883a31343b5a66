package no.kontor.domain.shared;

/** A Norwegian bank account number: 11 digits, the last a MOD11 check digit (weights 5,4,3,2,7,6,5,4,3,2). */
public record BankAccountNumber(String value) {
    private static final int[] WEIGHTS = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2};

    public BankAccountNumber {
        String digits = value == null ? "" : value.replace(" ", "").replace(".", "");
        if (!digits.matches("\\d{11}")) {
            throw new InvalidValueException("account.format", "A bank account number is 11 digits");
        }
        int check = Mod11.checkDigit(digits.substring(0, 10), WEIGHTS);
        if (check != digits.charAt(10) - '0') {
            throw new InvalidValueException("account.check-digit", "The account number " + value + " fails its check digit");
        }
        value = digits;
    }

    /** "8601 11 17947", as printed. */
    public String formatted() {
        return value.substring(0, 4) + " " + value.substring(4, 6) + " " + value.substring(6);
    }
}
