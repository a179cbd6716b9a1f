package cn.needsloop.process;

/**
 * The sign-in limits every password check of the engine passes ({@link ThrottledIdentityProvider}),
 * declared here and answered by {@code system.SignInThrottle}: whether a check of an account's password
 * is refused now (a pause is in force for this client), and the outcome of each check made.
 */
public interface PasswordGate {

	/** Whether the password of this account may not be checked now, for the client of this request. */
	boolean refuses(String userId);

	/** A password of this account was checked for the client of this request: right or wrong. */
	void checked(String userId, boolean right);
}
