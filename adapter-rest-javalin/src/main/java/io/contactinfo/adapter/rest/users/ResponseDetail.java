package io.contactinfo.adapter.rest.users;

import java.util.List;

/**
 * One of {@code responseDetails} (seed 002), in every answer of the Users API, success or not.
 *
 * @param url where this code is explained: its row of the {@linkplain ResponseCodesPage table of codes} the
 *            answering server serves, a path as seed 002 has it
 */
record ResponseDetail(int code, int subCode, String description, String url) {

    static final List<ResponseDetail> SUCCESS = of(UsersError.SUCCESS.refusal());

    static List<ResponseDetail> of(UsersErrors.Refusal refusal) {
        return List.of(new ResponseDetail(refusal.code(), refusal.subCode(), refusal.description(),
                ResponseCodesPage.PATH + "#" + ResponseCodesPage.anchor(refusal)));
    }

    /** A body that is only {@code responseDetails}. */
    record Only(List<ResponseDetail> responseDetails) {
    }
}
