package vn.planflow.dashboard;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves Chart.js from its webjar under {@code /dashboard/lib/chart.js/}, behind the dashboard's
 * login like the page itself, without the version in the path: upgrading the webjar changes only
 * the pom.
 */
@Configuration(proxyBeanMethods = false)
class DashboardResources implements WebMvcConfigurer {

  static final String CHART_JS = "/dashboard/lib/chart.js/";
  private static final String WEBJAR_POM = "META-INF/maven/org.webjars.npm/chart.js/pom.properties";

  @Override
  public void addResourceHandlers(ResourceHandlerRegistry registry) {
    registry.addResourceHandler(CHART_JS + "**")
        .addResourceLocations("classpath:/META-INF/resources/webjars/chart.js/" + chartJsVersion() + "/dist/");
  }

  static String chartJsVersion() {
    try (InputStream in = DashboardResources.class.getClassLoader().getResourceAsStream(WEBJAR_POM)) {
      if (in == null) {
        throw new IllegalStateException("Chart.js webjar missing from the classpath: " + WEBJAR_POM);
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
