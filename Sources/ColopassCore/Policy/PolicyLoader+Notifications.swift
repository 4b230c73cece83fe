extension Policy {
    /// The outbox's numbers, read beside the others.
    static func readNotificationParameters(_ p: PolicyMapping, into parameters: inout Parameters)
        throws(PolicyError)
    {
        parameters.cardExpiryNoticeDays = try p.child("card_expiry_notice_days").integer(atLeast: 1)
        parameters.notificationRetrySeconds = try p.child("notification_retry_seconds").integer(atLeast: 1)
        parameters.notificationMaxAttempts = try p.child("notification_max_attempts").integer(atLeast: 1)
    }
}
