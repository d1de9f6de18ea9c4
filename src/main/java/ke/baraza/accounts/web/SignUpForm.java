package ke.baraza.accounts.web;

/** The only fields a sign-up form binds; anything else in the request is ignored. */
public record SignUpForm(String name, String contact, String password) {}
