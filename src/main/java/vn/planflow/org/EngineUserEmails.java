package vn.planflow.org;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * At start-up, takes the officials' e-mail addresses out of the engine's users, where versions
 * before the read rules put them and where every official can list them through Camunda REST.
 */
@Component
class EngineUserEmails implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(EngineUserEmails.class);

  private final IdentityMirror mirror;
  private final OfficialRepository officials;

  EngineUserEmails(IdentityMirror mirror, OfficialRepository officials) {
    this.mirror = mirror;
    this.officials = officials;
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    int changed = mirror.forgetOfficialsEmails(officials::existsById);
    if (changed > 0) {
      log.info("Removed the e-mail address of {} officials from the engine's users (kept in planflow)", changed);
    }
  }
}
