package vn.planflow.documents;

import java.time.LocalDate;
import java.util.List;

/** The outgoing register of one issuer and year, as {@code GET /api/registers/{issuer}/{year}} returns it. */
record RegisterView(String issuer, String issuerName, int year, List<Entry> entries) {

  /**
   * One line of the register.
   *
   * @param number the number as printed ({@code 03/KH-UBND})
   * @param sequence the number within its type and year
   * @param typeAndSummary the document type and its summary, as the register's column shows them
   */
  record Entry(
      String number,
      int sequence,
      String type,
      String typeLabel,
      LocalDate issuedOn,
      String summary,
      String typeAndSummary,
      String signer,
      String recipients,
      String archive,
      Integer copies,
      String notes,
      String planCode) {}
}
