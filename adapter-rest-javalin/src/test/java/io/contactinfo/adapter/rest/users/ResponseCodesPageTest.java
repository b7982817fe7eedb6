package io.contactinfo.adapter.rest.users;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each answer's {@code url} leads somewhere: the page at {@link ResponseCodesPage#PATH} has a row for every code
 * the Users API answers with, found by the url's fragment, with the description the answer carries.
 */
class ResponseCodesPageTest {

    private static final Pattern ROW = Pattern.compile(
            "<tr id=\"(\\d+-\\d+)\"><td>(\\d+)</td><td>(\\d+)</td><td>(\\d+)</td><td>([^<]*)</td></tr>");

    private UsersServer server;

    @BeforeEach
    void start() {
        server = new UsersServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void theUrlOfAnAnswer_leadsToTheRowOfItsCode_withoutAToken() throws Exception {
        HttpResponse<String> refused = server.call("POST", "/enrollments").requestId(null).json("{}").send();
        JsonNode detail = UsersServer.JSON.readTree(refused.body()).at("/responseDetails/0");
        URI url = URI.create(detail.get("url").asText());

        HttpResponse<String> page = anonymous(url.getPath()).send();

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("text/html"));
        assertThat(page.body()).contains("<tr id=\"" + url.getFragment() + "\"><td>400</td><td>101</td><td>400</td>"
                + "<td>" + detail.get("description").asText() + "</td></tr>");
    }

    @Test
    void thePage_listsEveryAnswerOfTheTableOnce_underItsCodeAndSubCode() throws Exception {
        String page = anonymous(ResponseCodesPage.PATH).send().body();

        Set<String> ids = new HashSet<>();
        Set<UsersErrors.Refusal> listed = new HashSet<>();
        Matcher row = ROW.matcher(page);
        while (row.find()) {
            assertThat(ids.add(row.group(1))).as("one row per id: " + row.group(1)).isTrue();
            assertThat(row.group(1)).isEqualTo(row.group(2) + "-" + row.group(3));
            listed.add(new UsersErrors.Refusal(Integer.parseInt(row.group(4)), Integer.parseInt(row.group(2)),
                    Integer.parseInt(row.group(3)), unescaped(row.group(5))));
        }
        assertThat(listed).containsExactlyInAnyOrderElementsOf(UsersErrors.all()).contains(
                new UsersErrors.Refusal(200, 0, 0, "Success"),
                new UsersErrors.Refusal(400, 2, 60, "Number of Active Accounts Exceeded."),
                new UsersErrors.Refusal(200, 5, 362, "A user profile cannot be updated for a locked account"),
                new UsersErrors.Refusal(400, 400, 101, "Required X-GD-RequestID header is missing or not a UUID"));
    }

    /** A GET without a token or request id. */
    private UsersServer.Call anonymous(String path) {
        return server.callAbsolute("GET", path).header("Authorization", null).requestId(null);
    }

    private static String unescaped(String html) {
        return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&");
    }
}
