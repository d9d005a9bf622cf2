package vn.planflow.org;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;
import vn.planflow.org.OrganizationImporter.ImportResult;

/**
 * Loads the demo organization (Hà Nội and Yên Hòa ward) from {@code demo/organization.json} when
 * {@code planflow.demo.enabled=true}; every demo official gets the demo password.
 */
@Component
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
@ConditionalOnProperty(name = "planflow.demo.enabled", havingValue = "true")
class DemoOrganizationLoader implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoOrganizationLoader.class);

  private final OrganizationImporter importer;
  private final ObjectMapper objectMapper;
  private final Resource organization;
  private final String password;

  DemoOrganizationLoader(
      OrganizationImporter importer,
      ObjectMapper objectMapper,
      @Value("${planflow.demo.organization:classpath:demo/organization.json}") Resource organization,
      @Value("${planflow.demo.password}") String password) {
    this.importer = importer;
    this.objectMapper = objectMapper;
    this.organization = organization;
    this.password = password;
  }

  @Override
  public void run(ApplicationArguments args) throws IOException {
    OrganizationImport data;
    try (InputStream in = organization.getInputStream()) {
      data = objectMapper.readValue(in, OrganizationImport.class);
    }
    OrganizationImport withPasswords =
        new OrganizationImport(
            data.units(),
            data.officialsOrEmpty().stream()
                .map(o -> o.password() == null ? o.withPassword(password) : o)
                .toList());
    ImportResult result = importer.importOrganization(withPasswords, "demo");
    log.info(
        "Demo organization loaded: {} units, {} officials ({} units and {} officials new)",
        data.unitsOrEmpty().size(),
        data.officialsOrEmpty().size(),
        result.unitsCreated(),
        result.officialsCreated());
  }
}
