package ke.baraza.accounts.internal;

import java.io.PrintStream;
import ke.baraza.BarazaApplication;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar baraza.jar bootstrap-admin EMAIL [NAME]}: creates the first administrator and
 * prints, once, a link that sets its password. There is no default administrator.
 */
@Component
class BootstrapCommand implements BarazaApplication.CommandLine {

  private final AccountService accounts;

  BootstrapCommand(AccountService accounts) {
    this.accounts = accounts;
  }

  @Override
  public int bootstrapAdmin(String[] args) {
    PrintStream out = System.out;
    if (args.length < 2) {
      out.println("Usage: java -jar baraza.jar bootstrap-admin EMAIL [NAME]");
      return 2;
    }
    String name =
        args.length > 2
            ? String.join(" ", java.util.Arrays.copyOfRange(args, 2, args.length))
            : "Administrator";
    try {
      String link = accounts.bootstrapAdmin(args[1], name);
      out.println("The first administrator is created. Open this link within an hour to set the");
      out.println("password, then sign in and set up the authenticator app (TOTP):");
      out.println(link);
      return 0;
    } catch (IllegalStateException | IllegalArgumentException e) {
      out.println(e.getMessage());
      return 1;
    }
  }
}
