package io.contactinfo.adapter.rest.users;

import java.util.List;

/**
 * The page each {@code responseDetails[].url} points into: every code and subCode of the Users API with its HTTP
 * status and description, one row each, written from {@link UsersErrors#all()} so that it lists exactly what the
 * server answers. Served without a token or {@code X-GD-RequestID}, like the API document.
 */
final class ResponseCodesPage {

    /** Under the dialect's base path, so that it goes wherever the Users API goes (a host app, a gateway's route). */
    static final String PATH = UsersApi.BASE_PATH + "/response-codes";

    private ResponseCodesPage() {
    }

    /** The id of the refusal's row: {@code code-subCode}, e.g. {@code 400-501}. */
    static String anchor(UsersErrors.Refusal refusal) {
        return refusal.code() + "-" + refusal.subCode();
    }

    static String html(List<UsersErrors.Refusal> refusals) {
        StringBuilder page = new StringBuilder("""
                <!DOCTYPE html>
                <html lang="en">
                <head>
                  <meta charset="utf-8">
                  <title>Users API response codes</title>
                  <style>
                    body { font-family: sans-serif } td, th { padding: 2px 8px; text-align: left }
                    :target { background: #ffd }
                  </style>
                </head>
                <body>
                <h1>Users API response codes</h1>
                <p>Every answer under <code>/programs/{programCode}</code> carries
                <code>responseDetails[{code, subCode, description, url}]</code>; its <code>url</code> is this page's
                row for its code. A description may end with the name of the field at fault (never its value).</p>
                <table>
                <tr><th>code</th><th>subCode</th><th>HTTP status</th><th>description</th></tr>
                """);
        for (UsersErrors.Refusal refusal : refusals) {
            page.append("<tr id=\"").append(anchor(refusal)).append("\"><td>").append(refusal.code())
                    .append("</td><td>").append(refusal.subCode())
                    .append("</td><td>").append(refusal.status())
                    .append("</td><td>").append(escaped(refusal.description())).append("</td></tr>\n");
        }
        return page.append("</table>\n</body>\n</html>\n").toString();
    }

    private static String escaped(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
