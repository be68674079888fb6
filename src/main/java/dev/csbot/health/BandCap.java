package dev.csbot.health;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * Why an account's band is held below what its weighted score would give: "a key metric is poor",
 * an onboarding that stalled, a renewal at risk. {@link #reason()} is written for a CSM, when it is read: ranking
 * a book holds thousands of bands down and shows the reasons of a few.
 *
 * @param explanation writes the reason; two caps are equal when their reasons read the same
 */
public record BandCap(Band band, Supplier<String> explanation) {

    public String reason() {
        return explanation.get();
    }

    /** This cap with its reason written now (a kept score should not hold what it was built from). */
    BandCap settled() {
        String written = reason();
        return new BandCap(band, () -> written);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BandCap that && band == that.band && reason().equals(that.reason());
    }

    @Override
    public int hashCode() {
        return Objects.hash(band, reason());
    }

    @Override
    public String toString() {
        return "BandCap[band=" + band + ", reason=" + reason() + "]";
    }
}
