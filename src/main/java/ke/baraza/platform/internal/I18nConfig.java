package ke.baraza.platform.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import ke.baraza.platform.CurrentUser;
import ke.baraza.platform.LanguageChosen;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * English and Kiswahili. Every module keeps its strings in {@code i18n/<module>_en.properties} and
 * {@code i18n/<module>_sw.properties}; all are found on the class path. {@code ?lang=sw} or {@code
 * ?lang=en} switches and is remembered in a cookie; a first visit follows Accept-Language.
 */
@Configuration(proxyBeanMethods = false)
class I18nConfig implements WebMvcConfigurer {

  static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.forLanguageTag("sw"));

  @Bean
  MessageSource messageSource() throws IOException {
    TreeSet<String> basenames = new TreeSet<>();
    for (Resource resource :
        new PathMatchingResourcePatternResolver().getResources("classpath*:i18n/*_en.properties")) {
      String file = resource.getFilename();
      basenames.add("i18n/" + file.substring(0, file.length() - "_en.properties".length()));
    }
    ResourceBundleMessageSource source = new ResourceBundleMessageSource();
    source.setBasenames(basenames.toArray(String[]::new));
    source.setDefaultEncoding("UTF-8");
    source.setFallbackToSystemLocale(false);
    source.setDefaultLocale(Locale.ENGLISH);
    return source;
  }

  @Bean
  LocaleResolver localeResolver(ApplicationEventPublisher events) {
    CookieLocaleResolver resolver = new SupportedLocaleResolver("lang", events);
    resolver.setCookieMaxAge(Duration.ofDays(365));
    resolver.setCookieSameSite("Lax");
    resolver.setDefaultLocaleFunction(I18nConfig::fromAcceptLanguage);
    return resolver;
  }

  static Locale fromAcceptLanguage(HttpServletRequest request) {
    for (Locale wanted : Collections.list(request.getLocales())) {
      Locale supported = supported(wanted);
      if (supported != null) {
        return supported;
      }
    }
    return Locale.ENGLISH;
  }

  static Locale supported(Locale wanted) {
    if (wanted == null) {
      return null;
    }
    for (Locale locale : SUPPORTED) {
      if (locale.getLanguage().equals(wanted.getLanguage())) {
        return locale;
      }
    }
    return null;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
    interceptor.setParamName("lang");
    interceptor.setIgnoreInvalidLocale(true);
    registry.addInterceptor(interceptor);
  }

  /** Remembers only English or Kiswahili; anything else asked for is ignored. */
  static final class SupportedLocaleResolver extends CookieLocaleResolver {

    private final ApplicationEventPublisher events;

    SupportedLocaleResolver(String cookieName, ApplicationEventPublisher events) {
      super(cookieName);
      this.events = events;
    }

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
      Locale resolved = super.resolveLocale(request);
      Locale supported = supported(resolved);
      return supported != null ? supported : fromAcceptLanguage(request);
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
      Locale supported = supported(locale);
      if (supported != null) {
        super.setLocale(request, response, supported);
        CurrentUser.get()
            .filter(user -> !user.language().getLanguage().equals(supported.getLanguage()))
            .ifPresent(user -> events.publishEvent(new LanguageChosen(user.publicId(), supported)));
      }
    }
  }
}
