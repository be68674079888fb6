package dev.csbot.ingest;

import static dev.csbot.ingest.CsvRows.account;
import static dev.csbot.ingest.CsvRows.contact;
import static dev.csbot.ingest.CsvRows.feedback;
import static dev.csbot.ingest.CsvRows.meeting;
import static dev.csbot.ingest.CsvRows.objective;
import static dev.csbot.ingest.CsvRows.ticket;
import static dev.csbot.ingest.CsvRows.usage;
import static dev.csbot.ingest.CsvRows.with;
import static dev.csbot.ingest.CsvRows.without;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The one validator behind the CSV import and the REST API: each kind of bad value, in the user's words. */
class RowValidatorTest {

    private static final Set<String> KNOWN = Set.of("acme");

    private static List<FieldError> errors(Dataset dataset, Map<String, String> row) {
        String[] texts = dataset.columns().stream().map(c -> row.get(c.name())).toArray(String[]::new);
        return new RowValidator(dataset, ZoneOffset.UTC, KNOWN::contains).validate(texts, new Object[texts.length]);
    }

    private static String only(Dataset dataset, Map<String, String> row) {
        List<FieldError> errors = errors(dataset, row);
        assertThat(errors).hasSize(1);
        return errors.get(0).field() + ": " + errors.get(0).reason();
    }

    @Test
    void goodRowsOfEveryFileHaveNoErrors() {
        assertThat(errors(Dataset.ACCOUNTS, account("globex"))).isEmpty();
        assertThat(errors(Dataset.CONTACTS, contact("c1", "acme"))).isEmpty();
        assertThat(errors(Dataset.USAGE, usage("acme", "2026-11-20"))).isEmpty();
        assertThat(errors(Dataset.TICKETS, ticket("t1", "acme"))).isEmpty();
        assertThat(errors(Dataset.FEEDBACK, feedback("acme", "ces", "7"))).isEmpty();
        assertThat(errors(Dataset.MEETINGS, meeting("acme", "2026-11-20"))).isEmpty();
        assertThat(errors(Dataset.SUCCESS_PLANS, objective("acme", "Go live"))).isEmpty();
    }

    @Test
    void aRequiredFieldThatIsEmptyOrBlankIsNamed() {
        assertThat(only(Dataset.ACCOUNTS, with(account("globex"), "name", " "))).isEqualTo(
                "name: required, but empty");
        assertThat(only(Dataset.USAGE, with(usage("acme", "2026-11-20"), "events", ""))).isEqualTo(
                "events: required, but empty");
    }

    @Test
    void datesMustBeRealCalendarDaysWrittenYearMonthDay() {
        assertThat(only(Dataset.ACCOUNTS, with(account("globex"), "renewal_date", "01/02/2027"))).isEqualTo(
                "renewal_date: not a date: '01/02/2027' (expected YYYY-MM-DD)");
        assertThat(only(Dataset.ACCOUNTS, with(account("globex"), "renewal_date", "2027-02-30"))).isEqualTo(
                "renewal_date: not a date: '2027-02-30' (expected YYYY-MM-DD)");
    }

    @Test
    void numbersMustBeWholeAndNotNegative() {
        assertThat(only(Dataset.USAGE, with(usage("acme", "2026-11-20"), "events", "12.5"))).isEqualTo(
                "events: not a whole number >= 0: '12.5'");
        assertThat(only(Dataset.USAGE, with(usage("acme", "2026-11-20"), "active_users", "-1"))).isEqualTo(
                "active_users: not a whole number >= 0: '-1'");
        assertThat(only(Dataset.FEEDBACK, with(feedback("acme", "nps", "9"), "score", "nine"))).isEqualTo(
                "score: not a whole number: 'nine'");
    }

    @Test
    void labelsMustBeOneOfTheKnownValues() {
        assertThat(only(Dataset.ACCOUNTS, with(account("globex"), "segment", "huge"))).isEqualTo(
                "segment: unknown segment 'huge' (expected enterprise, mid-market, smb)");
        assertThat(only(Dataset.ACCOUNTS, with(account("globex"), "lifecycle_stage", "churned"))).isEqualTo(
                "lifecycle_stage: unknown lifecycle stage 'churned' (expected onboarding, adoption, expansion,"
                        + " renewal)");
        assertThat(only(Dataset.FEEDBACK, with(feedback("acme", "nps", "9"), "kind", "stars"))).isEqualTo(
                "kind: unknown kind 'stars' (expected nps, csat, ces)");
        assertThat(only(Dataset.MEETINGS, with(meeting("acme", "2026-11-20"), "kind", "lunch"))).isEqualTo(
                "kind: unknown meeting kind 'lunch' (expected qbr, check-in, training, exec)");
        assertThat(only(Dataset.SUCCESS_PLANS, with(objective("acme", "Go live"), "status", "late"))).isEqualTo(
                "status: unknown status 'late' (expected on-track, at-risk, done)");
    }

    @Test
    void severityRunsFromOneUrgentToFourLow() {
        assertThat(only(Dataset.TICKETS, with(ticket("t1", "acme"), "severity", "5"))).isEqualTo(
                "severity: severity must be 1 (urgent), 2 (high), 3 (normal) or 4 (low), as a number or a word: '5'");
        assertThat(only(Dataset.TICKETS, with(ticket("t1", "acme"), "severity", "critical"))).startsWith(
                "severity: severity must be");
    }

    @Test
    void booleansAreTrueOrFalse() {
        assertThat(only(Dataset.CONTACTS, with(contact("c1", "acme"), "is_champion", "yes"))).isEqualTo(
                "is_champion: not true or false: 'yes'");
        assertThat(errors(Dataset.MEETINGS, with(meeting("acme", "2026-11-20"), "exec_attended", "FALSE"))).isEmpty();
    }

    @Test
    void aFeedbackScoreMustFitItsKindsScale() {
        assertThat(only(Dataset.FEEDBACK, feedback("acme", "nps", "11"))).isEqualTo(
                "score: score 11 is outside the NPS scale 0-10");
        assertThat(only(Dataset.FEEDBACK, feedback("acme", "csat", "0"))).isEqualTo(
                "score: score 0 is outside the CSAT scale 1-5");
        assertThat(only(Dataset.FEEDBACK, feedback("acme", "ces", "8"))).isEqualTo(
                "score: score 8 is outside the CES scale 1-7");
    }

    @Test
    void rowsOfAnUnknownAccountAreRefused() {
        assertThat(only(Dataset.TICKETS, ticket("t1", "umbrella"))).isEqualTo(
                "account_id: unknown account 'umbrella' (not in the store and not in this import's accounts)");
    }

    @Test
    void aTicketCannotCloseBeforeItOpened() {
        assertThat(only(Dataset.TICKETS, with(ticket("t1", "acme"), "closed_on", "2026-10-01"))).isEqualTo(
                "closed_on: closed on 2026-10-01, before it was opened on 2026-11-01");
    }

    @Test
    void everyProblemOfARowIsReportedNotJustTheFirst() {
        assertThat(errors(Dataset.USAGE, with(usage("umbrella", "yesterday"), "events", "many")))
                .extracting(FieldError::field).containsExactly("date", "events", "account_id");
    }

    @Test
    void valuesAreStoredInTheirPortableForm() {
        Map<String, String> row = with(contact("c1", "acme"), "is_champion", "TRUE", "left_on", " 2026-10-01 ");
        String[] texts = Dataset.CONTACTS.columns().stream().map(c -> row.get(c.name())).toArray(String[]::new);
        Object[] values = new Object[texts.length];
        new RowValidator(Dataset.CONTACTS, ZoneOffset.UTC, KNOWN::contains).validate(texts, values);

        assertThat(values).containsExactly("c1", "acme", "Jane Doe", "jane@acme.example", "VP Operations", 1, 0,
                "2026-10-01");
    }

    private static Object[] stored(Dataset dataset, Map<String, String> row) {
        String[] texts = dataset.columns().stream().map(c -> row.get(c.name())).toArray(String[]::new);
        Object[] values = new Object[texts.length];
        assertThat(new RowValidator(dataset, ZoneOffset.UTC, KNOWN::contains).validate(texts, values)).isEmpty();
        return values;
    }

    @Test
    void everyTextFieldIsHeldToTheLengthTheSchemaDeclares() {
        assertThat(only(Dataset.ACCOUNTS, with(account("globex"), "name", "n".repeat(201)))).isEqualTo(
                "name: too long: 201 characters (at most 200)");
        assertThat(errors(Dataset.ACCOUNTS, with(account("globex"), "name", "n".repeat(200)))).isEmpty();
        assertThat(only(Dataset.ACCOUNTS, with(account("g".repeat(65)), "name", "G"))).isEqualTo(
                "account_id: too long: 65 characters (at most 64)");
        assertThat(only(Dataset.TICKETS, with(ticket("t1", "acme"), "subject", "s".repeat(501)))).isEqualTo(
                "subject: too long: 501 characters (at most 500)");
        assertThat(only(Dataset.FEEDBACK, with(feedback("acme", "nps", "9"), "comment", "c".repeat(4_001))))
                .isEqualTo("comment: too long: 4,001 characters (at most 4,000)");
        assertThat(only(Dataset.SUCCESS_PLANS, with(objective("acme", "Go live"), "target", "t".repeat(101))))
                .isEqualTo("target: too long: 101 characters (at most 100)");
        assertThat(only(Dataset.ACCOUNTS, with(account("globex"), "teams_channel", "t".repeat(301)))).isEqualTo(
                "teams_channel: too long: 301 characters (at most 300)");
    }

    @Test
    void lengthsCountCharactersNotUtf16Units() {
        String emoji = "\uD83D\uDE00";

        assertThat(errors(Dataset.ACCOUNTS, with(account("globex"), "name", emoji.repeat(200)))).isEmpty();
    }

    @Test
    void aHugeValueOfAShortTypeIsRefusedByItsLengthNotParsed() {
        assertThat(only(Dataset.USAGE, with(usage("acme", "2026-11-20"), "date", "2".repeat(1_000_000)))).isEqualTo(
                "date: too long: 1,000,000 characters (at most 100)");
    }

    @Test
    void aRenewalBeforeTheContractStartIsRefused() {
        assertThat(only(Dataset.ACCOUNTS, with(account("globex"), "contract_start", "2026-06-01", "renewal_date",
                "2026-01-01"))).isEqualTo("renewal_date: renews on 2026-01-01, before its contract starts on 2026-06-01");
    }

    @Test
    void aMalformedCsmEmailIsRefusedAndAnEmptyOneIsUnassigned() {
        assertThat(only(Dataset.ACCOUNTS, with(account("globex"), "csm_email", "dana.cho"))).isEqualTo(
                "csm_email: not an email address: 'dana.cho' (expected name@company.com)");
        assertThat(stored(Dataset.ACCOUNTS, with(account("globex"), "csm_email", " "))[7]).isEqualTo("");
        assertThat(stored(Dataset.ACCOUNTS, without(account("globex"), "csm_email"))[7]).isEqualTo("");
    }

    @Test
    void idsAndEveryOtherValueAreStoredTrimmed() {
        Object[] values = stored(Dataset.TICKETS, with(ticket(" t1 ", " acme\t"), "subject", "  Export is slow "));

        assertThat(values[0]).isEqualTo("t1");
        assertThat(values[1]).isEqualTo("acme");
        assertThat(values[5]).isEqualTo("Export is slow");
    }

    @Test
    void aNulCharacterIsRefused() {
        assertThat(only(Dataset.TICKETS, with(ticket("t1", "acme"), "subject", "Export\0is slow"))).isEqualTo(
                "subject: contains a NUL character (is the file really text?)");
    }
}
