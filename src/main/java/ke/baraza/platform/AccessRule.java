package ke.baraza.platform;

import org.springframework.http.HttpMethod;

/**
 * One entry of the deny-by-default security table.
 *
 * @param method the HTTP method, or {@code null} for all
 * @param pattern a path pattern such as {@code /counties/**}
 * @param access who may reach it
 */
public record AccessRule(HttpMethod method, String pattern, Access access) {

  public static AccessRule any(String pattern, Access access) {
    return new AccessRule(null, pattern, access);
  }

  public static AccessRule get(String pattern, Access access) {
    return new AccessRule(HttpMethod.GET, pattern, access);
  }

  public static AccessRule post(String pattern, Access access) {
    return new AccessRule(HttpMethod.POST, pattern, access);
  }
}
