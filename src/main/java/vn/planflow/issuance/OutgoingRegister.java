package vn.planflow.issuance;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.hibernate.exception.ConstraintViolationException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import vn.planflow.org.OrgUnit;
import vn.planflow.org.OrgUnitRepository;

/**
 * Numbers outgoing documents (Nghị định 30/2020, Art. 15): per issuer, per type, per calendar
 * year from 1, unique. The counter's row is locked for the rest of the caller's transaction, so
 * concurrent issuers wait in line and each takes the number after the last committed one; a
 * transaction that rolls back gives its number back, so the register has no gaps; a committed
 * number is never given again.
 */
@Service
public class OutgoingRegister {

  private final RegisterCounterRepository counters;
  private final RegisterEntryRepository entries;
  private final OrgUnitRepository units;
  private final Clock clock;
  private final TransactionTemplate newTransaction;
  @PersistenceContext private EntityManager entityManager;

  OutgoingRegister(
      RegisterCounterRepository counters,
      RegisterEntryRepository entries,
      OrgUnitRepository units,
      Clock clock,
      PlatformTransactionManager transactionManager) {
    this.counters = counters;
    this.entries = entries;
    this.units = units;
    this.clock = clock;
    this.newTransaction = new TransactionTemplate(transactionManager);
    this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** What the register records besides the number: Nơi nhận one per line, the bản lưu, the copies. */
  public record Document(
      String issuer,
      DocumentType type,
      String summary,
      String signer,
      Recipients recipients,
      String planCode,
      String recordedBy) {}

  /** Takes the next number for the document, dated today in Asia/Ho_Chi_Minh. */
  @Transactional(propagation = Propagation.MANDATORY)
  public RegisterEntry register(Document document) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    LocalDate today = now.toLocalDate();
    int year = today.getYear();
    OrgUnit issuer = units.findById(document.issuer())
        .orElseThrow(() -> new IllegalArgumentException("unknown issuer " + document.issuer()));
    int number = takeNumber(document.issuer(), document.type(), year);
    Recipients recipients = document.recipients();
    String symbol = printed(number) + "/" + document.type().abbreviation() + "-" + issuer.getSymbol();
    return entries.save(new RegisterEntry(
        document.issuer(), document.type(), year, number, symbol, today, document.summary(),
        document.signer(), recipients == null ? null : String.join("\n", recipients.names()),
        recipients == null ? null : recipients.archive(), recipients == null ? null : recipients.copies(),
        document.planCode(),
        document.recordedBy(), now));
  }

  /** Where a document names no "Lưu:": {@link Recipients#defaultArchive} of the drafting unit. */
  public String archiveOf(String draftingUnit) {
    return Recipients.defaultArchive(draftingUnit == null ? null
        : units.findById(draftingUnit).map(OrgUnit::getSymbol).orElse(null));
  }

  /** Numbers below 10 with a leading zero, as Nghị định 30/2020 Phụ lục I writes them: {@code 03/KH-UBND}. */
  static String printed(int number) {
    return String.format("%02d", number);
  }

  /**
   * Lock first, then read, then write: the read is a new statement made while holding the lock,
   * so it sees the number the previous clerk committed, on PostgreSQL and H2 alike.
   */
  private int takeNumber(String issuer, DocumentType type, int year) {
    if (counters.lock(issuer, type, year) == 0) {
      createCounter(issuer, type, year);
      if (counters.lock(issuer, type, year) == 0) {
        throw new IllegalStateException("no register counter for " + issuer + " " + year);
      }
    }
    int number = counters.last(issuer, type, year) + 1;
    counters.setLast(issuer, type, year, number);
    return number;
  }

  /**
   * The first document of a register in a year creates its counter, in its own transaction. It
   * must be an insert ({@code persist}): the repository's {@code save} of an entity with its own
   * key is a merge, which finds a counter another clerk created and used a moment ago and writes
   * it back to 0 — the next clerk then takes number 1 again.
   */
  private void createCounter(String issuer, DocumentType type, int year) {
    try {
      newTransaction.executeWithoutResult(status -> {
        if (counters.findById(new RegisterCounter.Key(issuer, type, year)).isEmpty()) {
          entityManager.persist(new RegisterCounter(issuer, type, year));
          entityManager.flush();
        }
      });
    } catch (ConstraintViolationException | DataIntegrityViolationException concurrentlyCreated) {
      // Another transaction created it at the same moment: it exists, which is all we need.
    }
  }
}
