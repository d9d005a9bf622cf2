package vn.planflow.org;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.planflow.org.OrganizationImport.OfficialData;
import vn.planflow.org.OrganizationImport.Settings;
import vn.planflow.org.OrganizationImport.UnitData;
import vn.planflow.system.FieldProblem;
import vn.planflow.system.InvalidRequestException;

/**
 * Imports or updates an organization (CONTRACT §2): validates all of it first, then stores units
 * and officials and mirrors them into Camunda identity in one transaction, so a bad request
 * stores nothing. Importing the same organization twice changes nothing.
 */
@Service
public class OrganizationImporter {

  private final OrgUnitRepository units;
  private final OrgUnitRevisionRepository revisions;
  private final OfficialRepository officials;
  private final IdentityMirror identity;
  private final IdentityService identityService;
  private final ReservedIdentities reserved;
  private final Clock clock;

  OrganizationImporter(
      OrgUnitRepository units,
      OrgUnitRevisionRepository revisions,
      OfficialRepository officials,
      IdentityMirror identity,
      IdentityService identityService,
      ReservedIdentities reserved,
      Clock clock) {
    this.reserved = reserved;
    this.units = units;
    this.revisions = revisions;
    this.officials = officials;
    this.identity = identity;
    this.identityService = identityService;
    this.clock = clock;
  }

  /** What an import changed. */
  public record ImportResult(
      int unitsCreated, int unitsUpdated, int officialsCreated, int officialsUpdated) {}

  @Transactional
  public ImportResult importOrganization(OrganizationImport data, String actor) {
    List<FieldProblem> problems =
        new OrganizationValidator(
                code -> units.findById(code).orElse(null),
                code -> !officials.findByCommitteeOfOrderByIdAsc(code).isEmpty(),
                this::isForeignAccount,
                reserved::isSystemName,
                codesClashingWithGroups(data)::contains)
            .validate(data);
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    OffsetDateTime now = OffsetDateTime.now(clock);
    identity.ensureOfficialsGroup();

    int unitsCreated = 0;
    int unitsUpdated = 0;
    for (UnitData item : parentsFirst(data.unitsOrEmpty())) {
      OrgUnit unit = units.findById(item.code()).orElse(null);
      boolean created = unit == null;
      if (created) {
        unit = new OrgUnit(item.code(), now);
      }
      Settings settings = effectiveSettings(item);
      boolean changed =
          unit.update(
              item.name().trim(),
              item.kind(),
              item.symbol() != null
                  ? item.symbol()
                  : UnitSymbols.defaultFor(item.name(), item.kind()),
              item.place() == null ? null : item.place().trim(),
              item.parent(),
              settings.voteDays(),
              settings.consultationDays(),
              settings.deemedAgreeOnTimeout(),
              now);
      changed |= unit.updateSubstituteMayVote(settings.substituteMayVote(), now);
      changed |= unit.updateCommitteeRules(settings.closeVotingEarly(), approvalDays(settings), now);
      // Saved, not flushed one by one: each flush checks every entity of the transaction, which
      // for a national import (thousands of units) grows with the square of its size.
      units.save(unit);
      if (created || changed) {
        revisions.save(new OrgUnitRevision(unit, actor));
        if (created) {
          unitsCreated++;
        } else {
          unitsUpdated++;
        }
      }
      identity.syncUnit(unit);
    }

    int officialsCreated = 0;
    int officialsUpdated = 0;
    for (OfficialData item : data.officialsOrEmpty()) {
      Official official = officials.findById(item.id()).orElse(null);
      boolean created = official == null;
      if (created) {
        official = new Official(item.id(), now);
      }
      OffsetDateTime before = official.getUpdatedAt();
      Set<UnitRole> roles = EnumSet.noneOf(UnitRole.class);
      roles.addAll(item.rolesOrEmpty());
      official.update(
          item.name().trim(),
          item.email(),
          item.unit(),
          roles,
          item.committee() == null ? null : item.committee().of(),
          item.committee() == null ? null : item.committee().position(),
          now);
      officials.save(official);
      if (created) {
        officialsCreated++;
      } else if (!before.equals(official.getUpdatedAt())) {
        officialsUpdated++;
      }
      // findById, not existsById: a query would flush (and dirty-check) the whole import each time.
      identity.syncOfficial(official, item.password(), code -> units.findById(code).isPresent());
    }
    return new ImportResult(unitsCreated, unitsUpdated, officialsCreated, officialsUpdated);
  }

  /**
   * The working rules stored for a unit: a People's Committee gets the given values or the
   * defaults of CONTRACT §2; other units have none.
   */
  private static Settings effectiveSettings(UnitData unit) {
    if (unit.kind() != UnitKind.PEOPLES_COMMITTEE) {
      return Settings.none();
    }
    Settings given = unit.settings() == null ? Settings.none() : unit.settings();
    ApprovalDays d = ApprovalDays.DEFAULT;
    return new Settings(
        given.voteDays() != null ? given.voteDays() : OrgUnit.DEFAULT_VOTE_DAYS,
        given.consultationDays() != null
            ? given.consultationDays()
            : OrgUnit.DEFAULT_CONSULTATION_DAYS,
        Boolean.TRUE.equals(given.deemedAgreeOnTimeout()),
        Boolean.TRUE.equals(given.closeVotingEarly()),
        or(given.draftingDays(), d.drafting()),
        or(given.reviewDays(), d.review()),
        or(given.synthesisDays(), d.synthesis()),
        or(given.submissionDays(), d.submission()),
        or(given.officeReviewDays(), d.officeReview()),
        or(given.signingDays(), d.signing()),
        or(given.issuingDays(), d.issuing()),
        Boolean.TRUE.equals(given.substituteMayVote()));
  }

  private static Integer or(Integer given, int fallback) {
    return given != null ? given : fallback;
  }

  /** The step deadlines to store: none for a unit that is not a People's Committee. */
  private static ApprovalDays approvalDays(Settings settings) {
    if (settings.draftingDays() == null) {
      return null;
    }
    return new ApprovalDays(settings.draftingDays(), settings.reviewDays(), settings.synthesisDays(),
        settings.submissionDays(), settings.officeReviewDays(), settings.signingDays(), settings.issuingDays());
  }

  /** Codes of units not stored yet whose groups the engine already has (made by someone else). */
  private java.util.Set<String> codesClashingWithGroups(OrganizationImport data) {
    if (data == null || data.unitsOrEmpty().size() > OrganizationValidator.MAX_UNITS) {
      return java.util.Set.of(); // refused for its size anyway
    }
    List<String> codes = new ArrayList<>();
    for (UnitData unit : data.unitsOrEmpty()) {
      if (unit != null && unit.code() != null && OrganizationValidator.CODE.matcher(unit.code()).matches()) {
        codes.add(unit.code());
      }
    }
    // Stored units read in chunks: a national import names thousands of units.
    java.util.Set<String> stored = new java.util.HashSet<>();
    for (int from = 0; from < codes.size(); from += 500) {
      units.findAllById(codes.subList(from, Math.min(codes.size(), from + 500)))
          .forEach(unit -> stored.add(unit.getCode()));
    }
    List<String> newCodes = codes.stream().filter(code -> !stored.contains(code)).distinct().toList();
    return reserved.codesClashingWithGroups(newCodes);
  }

  /** An engine account that exists but is no official (such as {@code admin}) is not importable. */
  private boolean isForeignAccount(String id) {
    return !officials.existsById(id)
        && identityService.createUserQuery().userId(id).count() > 0;
  }

  /** Orders units so that a parent imported in the same request is stored before its children. */
  private static List<UnitData> parentsFirst(List<UnitData> unitsToImport) {
    Map<String, UnitData> byCode = new LinkedHashMap<>();
    for (UnitData unit : unitsToImport) {
      byCode.put(unit.code(), unit);
    }
    List<UnitData> ordered = new ArrayList<>();
    Map<String, Boolean> placed = new HashMap<>();
    for (UnitData unit : unitsToImport) {
      place(unit, byCode, placed, ordered);
    }
    return ordered;
  }

  private static void place(
      UnitData unit, Map<String, UnitData> byCode, Map<String, Boolean> placed, List<UnitData> ordered) {
    if (placed.putIfAbsent(unit.code(), Boolean.TRUE) != null) {
      return;
    }
    UnitData parent = unit.parent() == null ? null : byCode.get(unit.parent());
    if (parent != null) {
      place(parent, byCode, placed, ordered);
    }
    ordered.add(unit);
  }
}
