package dev.ossops.emulator.auth;

/**
 * Who signed a request. Part 1 knows only the account's root; RAM users and assumed roles come
 * with the RAM/STS emulator and are told apart by {@link #root()}.
 *
 * @param accountId the 16-digit uid of the owning account
 * @param id        the principal's uid (the account id for root)
 * @param name      display name
 * @param root      whether this is the account itself, which may do everything
 */
public record Principal(String accountId, String id, String name, boolean root) {
    public static Principal root(String accountId) {
        return new Principal(accountId, accountId, accountId, true);
    }
}
