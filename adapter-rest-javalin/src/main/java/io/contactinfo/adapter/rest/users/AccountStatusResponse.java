package io.contactinfo.adapter.rest.users;

import io.contactinfo.domain.account.Account;
import java.util.List;
import java.util.Locale;

/** The 200 body of a status change: the account and the status it now has. */
record AccountStatusResponse(String accountIdentifier, String status, List<ResponseDetail> responseDetails) {

    static AccountStatusResponse of(Account account) {
        return new AccountStatusResponse(account.id().toString(), account.status().name().toLowerCase(Locale.ROOT),
                ResponseDetail.SUCCESS);
    }
}
