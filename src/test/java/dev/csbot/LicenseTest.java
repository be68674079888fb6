package dev.csbot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The licence is the one the pom declares, in full, where people and tools look for it. */
class LicenseTest {

    @Test
    void theRepositoryCarriesTheFullApacheLicenseAndThePomDeclaresIt() throws Exception {
        String license = Files.readString(Path.of("LICENSE"));
        String pom = Files.readString(Path.of("pom.xml"));

        assertThat(license.strip()).startsWith("Apache License").contains("Version 2.0, January 2004")
                .contains("9. Accepting Warranty or Additional Liability.").contains("END OF TERMS AND CONDITIONS");
        assertThat(pom).contains("<name>Apache-2.0</name>")
                .contains("<url>https://www.apache.org/licenses/LICENSE-2.0.txt</url>");
    }
}
