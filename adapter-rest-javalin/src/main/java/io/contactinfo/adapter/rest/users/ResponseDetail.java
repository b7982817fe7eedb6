package io.contactinfo.adapter.rest.users;

import java.util.List;

/**
 * One of {@code responseDetails} (seed 002), in every answer of the Users API, success or not.
 *
 * @param url where the codes are explained: {@link #DOCUMENTATION}, the API page the server serves at {@code /}
 */
record ResponseDetail(int code, int subCode, String description, String url) {

    /** A reference relative to the answering server: its API page's table of Users API codes. */
    static final String DOCUMENTATION = "/#users-api-response-codes";

    static final List<ResponseDetail> SUCCESS = of(UsersError.SUCCESS.refusal());

    static List<ResponseDetail> of(UsersErrors.Refusal refusal) {
        return List.of(new ResponseDetail(refusal.code(), refusal.subCode(), refusal.description(), DOCUMENTATION));
    }

    /** A body that is only {@code responseDetails}. */
    record Only(List<ResponseDetail> responseDetails) {
    }
}
