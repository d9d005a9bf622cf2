package vn.planflow.org;

import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.planflow.org.OrganizationImporter.ImportResult;
import vn.planflow.system.NotFoundException;

/**
 * {@code /api/org}: import the organization (admin) and read its units (every official). Names,
 * roles and committee seats are for every official; e-mail addresses only for administrators
 * (and an official's own), so that the directory is not a mailing list for whoever logs in.
 */
@RestController
@RequestMapping("/api/org")
class OrgController {

  private final OrganizationImporter importer;
  private final OrgUnitRepository units;
  private final OrgUnitRevisionRepository revisions;
  private final OfficialRepository officials;
  private final Callers callers;

  OrgController(
      Callers callers,
      OrganizationImporter importer,
      OrgUnitRepository units,
      OrgUnitRevisionRepository revisions,
      OfficialRepository officials) {
    this.callers = callers;
    this.importer = importer;
    this.units = units;
    this.revisions = revisions;
    this.officials = officials;
  }

  @PostMapping
  ImportResult importOrganization(@RequestBody OrganizationImport body, Authentication caller) {
    return importer.importOrganization(body, caller.getName());
  }

  @GetMapping("/units")
  @Transactional(readOnly = true)
  List<UnitSummary> listUnits() {
    return units.findAllByOrderByCodeAsc().stream().map(UnitSummary::of).toList();
  }

  @GetMapping("/units/{code}")
  @Transactional(readOnly = true)
  UnitDetail getUnit(@PathVariable String code, Authentication caller) {
    boolean administrator = callers.isAdministrator(caller.getName());
    Function<Official, OfficialView> view =
        official -> OfficialView.of(official, administrator || official.getId().equals(caller.getName()));
    OrgUnit unit =
        units
            .findById(code)
            .orElseThrow(() -> new NotFoundException("Không có đơn vị '" + code + "'"));
    List<OfficialView> staff =
        officials.findByUnitCodeOrderByIdAsc(code).stream().map(view).toList();
    List<OfficialView> committee =
        unit.isPeoplesCommittee()
            ? officials.findByCommitteeOfOrderByIdAsc(code).stream()
                .sorted(Comparator.comparing(Official::getCommitteePosition).thenComparing(Official::getId))
                .map(view)
                .toList()
            : List.of();
    List<UnitSummary> children =
        units.findByParentCodeOrderByCodeAsc(code).stream().map(UnitSummary::of).toList();
    List<Revision> history =
        revisions.findByUnitCodeOrderByIdAsc(code).stream()
            .map(r -> new Revision(r.getName(), r.getParentCode(), r.getChangedAt(), r.getChangedBy()))
            .toList();
    return new UnitDetail(UnitSummary.of(unit), staff, committee, children, history);
  }

  record UnitSummary(
      String code,
      String name,
      UnitKind kind,
      String symbol,
      String place,
      String parent,
      OrganizationImport.Settings settings) {

    static UnitSummary of(OrgUnit unit) {
      return new UnitSummary(
          unit.getCode(),
          unit.getName(),
          unit.getKind(),
          unit.getSymbol(),
          unit.getPlace(),
          unit.getParentCode(),
          unit.isPeoplesCommittee()
              ? settings(unit)
              : null);
    }

    private static OrganizationImport.Settings settings(OrgUnit unit) {
      ApprovalDays days = unit.approvalDays();
      return new OrganizationImport.Settings(
          unit.voteDays(), unit.consultationDays(), unit.deemedAgreeOnTimeout(), unit.closeVotingEarly(),
          days.drafting(), days.review(), days.synthesis(), days.submission(), days.officeReview(),
          days.signing(), days.issuing(), unit.substituteMayVote());
    }
  }

  record UnitDetail(
      UnitSummary unit,
      List<OfficialView> officials,
      List<OfficialView> committee,
      List<UnitSummary> children,
      List<Revision> history) {}

  record OfficialView(
      String id,
      String name,
      String email,
      String unit,
      Set<UnitRole> roles,
      OrganizationImport.Committee committee) {

    static OfficialView of(Official official, boolean withEmail) {
      return new OfficialView(
          official.getId(),
          official.getName(),
          withEmail ? official.getEmail() : null,
          official.getUnitCode(),
          official.getRoles(),
          official.getCommitteeOf() == null
              ? null
              : new OrganizationImport.Committee(
                  official.getCommitteeOf(), official.getCommitteePosition()));
    }
  }

  record Revision(String name, String parent, OffsetDateTime changedAt, String changedBy) {}
}
