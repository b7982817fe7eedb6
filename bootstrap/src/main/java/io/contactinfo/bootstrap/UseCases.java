package io.contactinfo.bootstrap;

import io.contactinfo.adapter.persistence.Database;
import io.contactinfo.application.port.in.ChangeAccountStatusUseCase;
import io.contactinfo.application.port.in.ChangeSoftTokenStatusUseCase;
import io.contactinfo.application.port.in.DispatchNotificationsUseCase;
import io.contactinfo.application.port.in.EnrollEachUseCase;
import io.contactinfo.application.port.in.GetCertifiedPhoneUseCase;
import io.contactinfo.application.port.in.ListContactMethodsUseCase;
import io.contactinfo.application.port.in.ListUsersUseCase;
import io.contactinfo.application.port.in.RollBackSoftTokenStatusUseCase;
import io.contactinfo.application.port.in.RunIdempotentRequestUseCase;
import io.contactinfo.application.port.in.SendOtpUseCase;
import io.contactinfo.application.port.in.UpdateContactInfoUseCase;
import io.contactinfo.application.port.in.UpdateUserNameUseCase;
import io.contactinfo.application.port.in.UpdateUserUseCase;
import io.contactinfo.application.port.in.VerifyOtpUseCase;
import io.contactinfo.application.service.ChangeAccountStatusService;
import io.contactinfo.application.service.ChangeSoftTokenStatusService;
import io.contactinfo.application.service.EnrollService;
import io.contactinfo.application.service.GetCertifiedPhoneService;
import io.contactinfo.application.service.ListContactMethodsService;
import io.contactinfo.application.service.ListUsersService;
import io.contactinfo.application.service.RollBackSoftTokenStatusService;
import io.contactinfo.application.service.RunIdempotentRequestService;
import io.contactinfo.application.service.SendOtpService;
import io.contactinfo.application.service.UpdateContactInfoService;
import io.contactinfo.application.service.UpdateUserNameService;
import io.contactinfo.application.service.UpdateUserService;
import io.contactinfo.application.service.VerifyOtpService;
import io.contactinfo.domain.contact.EmailPolicy;
import io.contactinfo.domain.otp.OtpPolicy;
import java.security.SecureRandom;
import java.time.Clock;

/** Every use case, wired by hand on one database's ports. */
public record UseCases(ListContactMethodsUseCase listContactMethods, UpdateContactInfoUseCase updateContactInfo,
                SendOtpUseCase sendOtp, VerifyOtpUseCase verifyOtp, GetCertifiedPhoneUseCase getCertifiedPhone,
                EnrollEachUseCase enroll, ChangeAccountStatusUseCase changeAccountStatus, ListUsersUseCase listUsers,
                UpdateUserUseCase updateUser, UpdateUserNameUseCase updateUserName,
                ChangeSoftTokenStatusUseCase changeSoftTokenStatus,
                RollBackSoftTokenStatusUseCase rollBackSoftTokenStatus,
                RunIdempotentRequestUseCase runIdempotentRequest) {

    /**
     * @param dispatch    hands a passcode's message to its provider at once
     * @param emailPolicy sandbox rules in dev mode (a '+' in an email is allowed), production rules otherwise
     */
    static UseCases on(Database db, EmailPolicy emailPolicy, OtpPolicy otpPolicy,
                       DispatchNotificationsUseCase dispatch, Clock clock) {
        var users = db.userRepository();
        var accounts = db.accountRepository();
        var unitOfWork = db.unitOfWork();
        return new UseCases(
                new ListContactMethodsService(users),
                new UpdateContactInfoService(users, accounts, db.institutionRepository(), db.limitRegistry(),
                        db.auditLog(), db.notificationOutbox(), unitOfWork, emailPolicy, clock),
                new SendOtpService(users, db.otpStore(), db.auditLog(), db.notificationOutbox(), unitOfWork,
                        otpPolicy, db.otpCodeHasher(), clock, new SecureRandom(), dispatch),
                new VerifyOtpService(users, db.otpStore(), db.auditLog(), unitOfWork, otpPolicy, db.otpCodeHasher(),
                        clock),
                new GetCertifiedPhoneService(users),
                new EnrollService(users, accounts, db.institutionRepository(), db.limitRegistry(), db.auditLog(),
                        unitOfWork, emailPolicy, clock),
                new ChangeAccountStatusService(accounts, users, db.auditLog(), unitOfWork, clock),
                new ListUsersService(accounts, users),
                new UpdateUserService(accounts, users, db.otpStore(), db.institutionRepository(), db.limitRegistry(),
                        db.auditLog(), db.notificationOutbox(), unitOfWork, emailPolicy, clock),
                new UpdateUserNameService(accounts, users, db.auditLog(), unitOfWork, clock),
                new ChangeSoftTokenStatusService(users, db.softTokenRepository(), db.auditLog(),
                        db.notificationOutbox(), unitOfWork, clock),
                new RollBackSoftTokenStatusService(users, db.softTokenRepository(), db.auditLog(),
                        db.notificationOutbox(), unitOfWork, clock),
                new RunIdempotentRequestService(db.idempotencyStore(), unitOfWork, clock));
    }
}
