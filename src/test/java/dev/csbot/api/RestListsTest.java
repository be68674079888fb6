package dev.csbot.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.csbot.chat.Caller;
import dev.csbot.chat.ChatRequest;
import dev.csbot.chat.ChatService;
import dev.csbot.chat.Conversation;
import dev.csbot.chat.Reply;
import dev.csbot.chat.ReplyBlock;
import dev.csbot.support.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** GET /api/v1/risks, /renewals and the accounts list with filters, over HTTP against the demo portfolio. */
class RestListsTest extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired
    ChatService chat;

    record Response(int status, JsonNode body) {}

    private Response get(String path) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Authorization", "Bearer " + API_TOKEN).GET().build(), HttpResponse.BodyHandlers.ofString());
        return new Response(response.statusCode(), JSON.readTree(response.body()));
    }

    private static List<JsonNode> accounts(Response response) {
        List<JsonNode> accounts = new ArrayList<>();
        response.body().path("accounts").forEach(accounts::add);
        return accounts;
    }

    /** The account names chat lists for a command, in its order ("1. Acme: ..." -> "Acme"). */
    private List<String> namesChatLists(String command) {
        Reply reply = chat.handle(new ChatRequest(command, Caller.internal("test", null, "test"), Conversation.cli()));
        return reply.blocks().stream().filter(ReplyBlock.Items.class::isInstance)
                .flatMap(block -> ((ReplyBlock.Items) block).items().stream())
                .map(item -> item.text().replaceFirst("^\\d+\\. ", "").replaceFirst(": .*$", ""))
                .toList();
    }

    @Test
    void risksRankTheSliceByArrAtRiskExactlyAsChatDoes() throws Exception {
        Response risks = get("/api/v1/risks?segment=Mid_Market&limit=10");

        assertThat(risks.status()).isEqualTo(200);
        assertThat(risks.body().path("filters").path("segment").asText()).isEqualTo("mid-market");
        List<JsonNode> listed = accounts(risks);
        assertThat(listed).hasSize(10).allSatisfy(a -> assertThat(a.path("segment").asText()).isEqualTo("mid-market"));
        assertThat(risks.body().path("matching").asInt()).isGreaterThan(10);
        assertThat(listed).extracting(a -> a.path("arr_at_risk").asLong())
                .isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(listed).extracting(a -> a.path("name").asText()).containsExactlyElementsOf(
                namesChatLists("/risks mid-market 10"));
        JsonNode first = listed.get(0);
        assertThat(first.path("health").path("score").isInt()).isTrue();
        assertThat(first.path("arr_at_risk").asLong()).isEqualTo(Math.round(first.path("arr").asLong()
                * (100 - first.path("health").path("score").asInt()) / 100.0));
    }

    @Test
    void risksPageWithOffsetAndLimitAndCombineFilters() throws Exception {
        List<JsonNode> firstTwenty = accounts(get("/api/v1/risks?limit=20"));
        List<JsonNode> secondPage = accounts(get("/api/v1/risks?limit=10&offset=10"));
        assertThat(secondPage).extracting(a -> a.path("account_id").asText()).containsExactlyElementsOf(
                firstTwenty.subList(10, 20).stream().map(a -> a.path("account_id").asText()).toList());

        Response red = get("/api/v1/risks?band=red&segment=enterprise&limit=500");
        assertThat(accounts(red)).isNotEmpty().allSatisfy(a -> {
            assertThat(a.path("health").path("band").asText()).isEqualTo("red");
            assertThat(a.path("segment").asText()).isEqualTo("enterprise");
        });
        // The demo has no pooled accounts: one of this test's own.
        HttpResponse<String> pooled = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/accounts"))
                .header("Authorization", "Bearer " + API_TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(java.util.Map.of("account_id",
                        "lists-pooled", "name", "Lists Pooled", "segment", "smb", "arr", "5000", "seats_purchased", "5",
                        "contract_start", "2026-01-01", "renewal_date", "2027-01-01", "csm_email", "",
                        "lifecycle_stage", "adoption")))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(pooled.statusCode()).as(pooled.body()).isEqualTo(200);
        Response unassigned = get("/api/v1/risks?owner=unassigned&limit=500");
        assertThat(accounts(unassigned)).extracting(a -> a.path("account_id").asText()).contains("lists-pooled");
        assertThat(accounts(unassigned)).allSatisfy(a -> assertThat(a.path("csm_email").asText()).isEmpty());
        Response dana = get("/api/v1/risks?owner=Dana.Cho@csbot.example&limit=500");
        assertThat(accounts(dana)).isNotEmpty()
                .allSatisfy(a -> assertThat(a.path("csm_email").asText()).isEqualTo("dana.cho@csbot.example"));
    }

    @Test
    void renewalsAreTheWindowSoonestFirstWithWhatRenewsAndWhatIsAtRisk() throws Exception {
        Response renewals = get("/api/v1/renewals?days=120&segment=enterprise");

        assertThat(renewals.status()).isEqualTo(200);
        LocalDate today = LocalDate.parse(TODAY);
        List<JsonNode> due = accounts(renewals);
        assertThat(due).isNotEmpty().allSatisfy(a -> {
            LocalDate renewal = LocalDate.parse(a.path("renewal_date").asText());
            assertThat(renewal).isBetween(today, today.plusDays(120));
            assertThat(a.path("segment").asText()).isEqualTo("enterprise");
        });
        assertThat(due).extracting(a -> a.path("renewal_date").asText()).isSorted();
        assertThat(renewals.body().path("renewing").path("accounts").asInt()).isEqualTo(due.size());
        assertThat(renewals.body().path("renewing").path("arr").asLong())
                .isEqualTo(due.stream().mapToLong(a -> a.path("arr").asLong()).sum());
        assertThat(renewals.body().path("at_risk").path("accounts").asInt()).isEqualTo(
                (int) due.stream().filter(a -> !a.path("health").path("band").asText().equals("green")).count());
        assertThat(renewals.body().path("through").asText()).isEqualTo(today.plusDays(120).toString());
        assertThat(due).extracting(a -> a.path("name").asText())
                .startsWith(namesChatLists("/renewals 120 enterprise").toArray(String[]::new));
    }

    @Test
    void theAccountsListFiltersBySegmentOwnerAndBand() throws Exception {
        Response all = get("/api/v1/accounts");
        Response smb = get("/api/v1/accounts?segment=smb");
        Response smbRed = get("/api/v1/accounts?segment=smb&band=RED");

        assertThat(smb.status()).isEqualTo(200);
        assertThat(accounts(smb)).isNotEmpty()
                .allSatisfy(a -> assertThat(a.path("segment").asText()).isEqualTo("smb"));
        assertThat(smb.body().path("count").asInt()).isLessThan(all.body().path("count").asInt())
                .isEqualTo(accounts(smb).size());
        assertThat(accounts(smbRed)).allSatisfy(a -> {
            assertThat(a.path("segment").asText()).isEqualTo("smb");
            assertThat(a.path("health").path("band").asText()).isEqualTo("red");
        });
        assertThat(smbRed.body().path("count").asInt()).isLessThan(smb.body().path("count").asInt());
    }

    @Test
    void anUnknownParameterOrValueIs400NamingWhatIsAllowed() throws Exception {
        assertThat(get("/api/v1/accounts?segmnet=smb")).satisfies(r -> {
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.body().path("error").asText()).isEqualTo("unknown parameter 'segmnet': GET /api/v1/accounts"
                    + " takes segment, owner, band");
        });
        assertThat(get("/api/v1/risks?segment=galactic").body().path("error").asText())
                .isEqualTo("unknown segment 'galactic': expected one of enterprise, mid-market, smb");
        assertThat(get("/api/v1/risks?band=orange").body().path("error").asText())
                .isEqualTo("unknown band 'orange': expected one of red, yellow, green");
        assertThat(get("/api/v1/risks?owner=dana").body().path("error").asText())
                .isEqualTo("unknown owner 'dana': expected a CSM's email address, or unassigned");
        assertThat(get("/api/v1/risks?limit=501").body().path("error").asText())
                .isEqualTo("limit must be a whole number from 1 to 500 (got '501')");
        assertThat(get("/api/v1/renewals?days=0").status()).isEqualTo(400);
        assertThat(get("/api/v1/renewals?band=red").body().path("error").asText())
                .isEqualTo("unknown parameter 'band': GET /api/v1/renewals takes segment, owner, days");
        assertThat(get("/api/v1/risks?segment=smb&segment=enterprise").body().path("error").asText())
                .isEqualTo("give segment once");
    }
}
